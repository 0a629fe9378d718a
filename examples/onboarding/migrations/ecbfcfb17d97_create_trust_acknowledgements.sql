-- revision: ecbfcfb17d97
-- down_revision: 05b6dbfcba3f
-- message: create trust acknowledgements

-- +upgrade
-- "key" is a keyword in SQLite and in the SQL standard, so it is always written
-- double-quoted, which both SQLite and PostgreSQL accept as an identifier.
CREATE TABLE trust_acknowledgements (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    "key" VARCHAR(16) NOT NULL,
    acknowledged_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_trust_ack_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_trust_ack_key CHECK ("key" IN ('privacy', 'security', 'terms')),
    CONSTRAINT uq_trust_ack_user_key UNIQUE (user_id, "key")
);

-- +downgrade
DROP TABLE trust_acknowledgements;
