#!/bin/sh
set -e
# wait for the database, then migrate
until pg_isready -h db; do sleep 1; done
alembic -c /app/alembic.ini \
  upgrade head
exec "$@"
