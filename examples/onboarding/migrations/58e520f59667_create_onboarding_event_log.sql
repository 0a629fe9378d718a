-- revision: 58e520f59667
-- down_revision: ecbfcfb17d97
-- message: create onboarding event log

-- +upgrade
CREATE TABLE onboarding_event_log (
    id BIGINT PRIMARY KEY,
    session_id BIGINT,
    user_id BIGINT NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    payload TEXT,
    occurred_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_event_log_session FOREIGN KEY (session_id) REFERENCES onboarding_sessions (id),
    CONSTRAINT fk_event_log_user FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE INDEX ix_event_log_user_occurred ON onboarding_event_log (user_id, occurred_at);

-- +downgrade
DROP INDEX ix_event_log_user_occurred;
DROP TABLE onboarding_event_log;
