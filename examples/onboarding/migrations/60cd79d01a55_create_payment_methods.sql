-- revision: 60cd79d01a55
-- down_revision: 58e520f59667
-- branch_labels: payments
-- message: create payment methods

-- +upgrade
CREATE TABLE payment_methods (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    last4 VARCHAR(4),
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_payment_methods_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_payment_methods_kind CHECK (kind IN ('card', 'bank_account', 'wallet'))
);

CREATE INDEX ix_payment_methods_user ON payment_methods (user_id);

-- +downgrade
DROP INDEX ix_payment_methods_user;
DROP TABLE payment_methods;
