-- revision: 46a7733948d0
-- down_revision: 776dc5d98ca6
-- message: track per-session progress through onboarding steps

-- +upgrade
CREATE TABLE user_onboarding_step_state (
    id BIGINT PRIMARY KEY,
    session_id BIGINT NOT NULL,
    step_key VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'not_started',
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_step_state_session FOREIGN KEY (session_id) REFERENCES onboarding_sessions (id),
    CONSTRAINT fk_step_state_step FOREIGN KEY (step_key) REFERENCES onboarding_steps (step_key),
    CONSTRAINT ck_step_state_status CHECK (status IN ('not_started', 'in_progress', 'done', 'skipped')),
    CONSTRAINT uq_step_state_session_step UNIQUE (session_id, step_key)
);

-- +downgrade
DROP TABLE user_onboarding_step_state;
