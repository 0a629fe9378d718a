-- revision: 9f768fbd5b23
-- down_revision: 60cd79d01a55
-- message: create invoices

-- +upgrade
CREATE TABLE invoices (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    amount NUMERIC(12,2) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'draft',
    issued_at TIMESTAMP,
    due_at TIMESTAMP,
    CONSTRAINT fk_invoices_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_invoices_status CHECK (status IN ('draft', 'open', 'paid', 'void')),
    CONSTRAINT ck_invoices_amount CHECK (amount >= 0)
);

CREATE INDEX ix_invoices_user_status ON invoices (user_id, status);

-- +downgrade
DROP INDEX ix_invoices_user_status;
DROP TABLE invoices;
