-- revision: 85b269ab7626
-- down_revision: 74ad4628e66d
-- message: create agent versions

-- +upgrade
CREATE TABLE agent_versions (
    id BIGINT PRIMARY KEY,
    agent_id BIGINT NOT NULL,
    version VARCHAR(32) NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_agent_versions_agent FOREIGN KEY (agent_id) REFERENCES agents (id),
    CONSTRAINT uq_agent_versions_agent_version UNIQUE (agent_id, version)
);

-- +downgrade
DROP TABLE agent_versions;
