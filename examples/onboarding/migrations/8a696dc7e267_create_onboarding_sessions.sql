-- revision: 8a696dc7e267
-- down_revision: bf2f48c90f1a
-- message: create onboarding sessions

-- +upgrade
CREATE TABLE onboarding_sessions (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    started_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    completed_at TIMESTAMP,
    CONSTRAINT fk_onboarding_sessions_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_onboarding_sessions_status CHECK (status IN ('active', 'completed', 'abandoned'))
);

CREATE INDEX ix_onboarding_sessions_user_status ON onboarding_sessions (user_id, status);

-- +downgrade
DROP INDEX ix_onboarding_sessions_user_status;
DROP TABLE onboarding_sessions;
