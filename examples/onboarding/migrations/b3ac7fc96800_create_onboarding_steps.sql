-- revision: b3ac7fc96800
-- down_revision: 8a696dc7e267
-- message: create onboarding step catalog table

-- +upgrade
CREATE TABLE onboarding_steps (
    id BIGINT PRIMARY KEY,
    step_key VARCHAR(64) NOT NULL,
    title VARCHAR(200) NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT uq_onboarding_steps_step_key UNIQUE (step_key),
    CONSTRAINT uq_onboarding_steps_position UNIQUE (position)
);

-- +downgrade
DROP TABLE onboarding_steps;
