-- revision: 74ad4628e66d
-- down_revision: 58e520f59667
-- branch_labels: agents
-- message: create agents

-- +upgrade
CREATE TABLE agents (
    id BIGINT PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    owner_user_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_agents_name UNIQUE (name),
    CONSTRAINT fk_agents_owner FOREIGN KEY (owner_user_id) REFERENCES users (id)
);

-- +downgrade
DROP TABLE agents;
