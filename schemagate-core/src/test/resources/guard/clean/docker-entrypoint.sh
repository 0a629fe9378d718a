#!/bin/sh
set -e
# alembic upgrade head  (never here: migrations run through a work order)
echo "schema changes: run 'schemagate upgrade' with a work order, not alembic upgrade"
alembic current
exec "$@"
