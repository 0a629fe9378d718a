-- revision: 79d7a28737e0
-- down_revision: 9f768fbd5b23
-- message: create payment transactions

-- +upgrade
CREATE TABLE transactions (
    id BIGINT PRIMARY KEY,
    invoice_id BIGINT NOT NULL,
    payment_method_id BIGINT NOT NULL,
    amount NUMERIC(12,2) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'pending',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_transactions_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_transactions_payment_method FOREIGN KEY (payment_method_id) REFERENCES payment_methods (id),
    CONSTRAINT ck_transactions_status CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded'))
);

CREATE INDEX ix_transactions_invoice ON transactions (invoice_id);

-- +downgrade
DROP INDEX ix_transactions_invoice;
DROP TABLE transactions;
