-- revision: 776dc5d98ca6
-- down_revision: b3ac7fc96800
-- message: seed the onboarding step catalog
-- transaction: per-migration

-- +upgrade
-- Data migration: the step catalog the product ships with.
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (1, 'welcome', 'Welcome', 1);
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (2, 'profile', 'Complete your profile', 2);
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (3, 'connect_bank', 'Connect a bank account', 3);
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (4, 'verify_identity', 'Verify your identity', 4);
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (5, 'first_payment', 'Make your first payment', 5);
INSERT INTO onboarding_steps (id, step_key, title, position) VALUES (6, 'tour', 'Take the product tour', 6);

-- +downgrade
DELETE FROM onboarding_steps
WHERE step_key IN ('welcome', 'profile', 'connect_bank', 'verify_identity', 'first_payment', 'tour');
