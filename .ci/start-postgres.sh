#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (creating it if needed) and a superuser role `atelier`
# that the external-engine tests use to create and drop throwaway databases.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atelier') THEN
    CREATE ROLE atelier LOGIN SUPERUSER PASSWORD 'atelier';
  END IF; END \\\$\\\$;\""
