-- revision: 5a105911a525
-- down_revision: 79d7a28737e0 85b269ab7626
-- message: merge payments and agents

-- +upgrade
-- The merge joins the two branches. It also adds a read-only view that needs
-- tables from both of them: per user, their payment methods, open invoices and agents.
CREATE VIEW v_user_billing_agents AS
SELECT
    u.id AS user_id,
    u.email AS email,
    (SELECT COUNT(*) FROM payment_methods pm WHERE pm.user_id = u.id) AS payment_method_count,
    (SELECT COUNT(*) FROM invoices i WHERE i.user_id = u.id AND i.status = 'open') AS open_invoice_count,
    (SELECT COUNT(*) FROM agents a WHERE a.owner_user_id = u.id) AS agent_count
FROM users u;

-- +downgrade
DROP VIEW v_user_billing_agents;
