-- revision: 05b6dbfcba3f
-- down_revision: 46a7733948d0
-- message: create onboarding messages

-- +upgrade
CREATE TABLE onboarding_messages (
    id BIGINT PRIMARY KEY,
    session_id BIGINT NOT NULL,
    type VARCHAR(16) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    body TEXT NOT NULL,
    sent_at TIMESTAMP,
    CONSTRAINT fk_onboarding_messages_session FOREIGN KEY (session_id) REFERENCES onboarding_sessions (id),
    CONSTRAINT ck_onboarding_messages_type CHECK (type IN ('reminder', 'tip', 'celebration', 'trust')),
    CONSTRAINT ck_onboarding_messages_channel CHECK (channel IN ('in_app', 'email'))
);

-- +downgrade
DROP TABLE onboarding_messages;
