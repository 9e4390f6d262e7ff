#!/bin/sh
# First start of the compose PostgreSQL only (docker-entrypoint-initdb.d): the two login roles of README 「数据库角色」.
# dangjian_owner owns the database and runs the migrations; dangjian_app has data rights only (granted by every
# migration run, scripts/lib/pg.mjs).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$DANGJIAN_OWNER_PASSWORD" -v app_pw="$DANGJIAN_APP_PASSWORD" <<'SQL'
CREATE ROLE dangjian_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE dangjian_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE dangjian OWNER dangjian_owner;
SQL
