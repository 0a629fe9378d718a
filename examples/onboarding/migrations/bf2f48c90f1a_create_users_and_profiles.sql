-- revision: bf2f48c90f1a
-- message: create users and user profiles

-- +upgrade
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    display_name VARCHAR(200),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE user_profile (
    user_id BIGINT PRIMARY KEY,
    locale VARCHAR(35) NOT NULL DEFAULT 'en',
    timezone VARCHAR(64) NOT NULL DEFAULT 'UTC',
    marketing_opt_in BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_user_profile_user FOREIGN KEY (user_id) REFERENCES users (id)
);

-- +downgrade
DROP TABLE user_profile;
DROP TABLE users;
