#!/usr/bin/env bash
# Sourced by .ci/run: installs PostgreSQL (Debian) if missing, starts a cluster, makes a role and
# databases for the integration tests, and exports PEERGRID_TEST_POSTGRES_URL for them, and
# PEERGRID_SOAK_POSTGRES_URL and PEERGRID_SOAK_POSTGRES_CLUSTER (VERSION NAME) for the soak test.
# Idempotent and quiet. The role's password is random per run, so none is kept in the repository.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if [ -z "$(pg_lsclusters -h)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main >/dev/null
fi
read -r pg_version pg_cluster pg_port pg_status _ <<<"$(pg_lsclusters -h | head -1)"
if [ "$pg_status" != "online" ]; then
  pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
pg_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
psql_admin() { su postgres -c "psql -p $pg_port -qtAX -v ON_ERROR_STOP=1 $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'peergrid_ci'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE peergrid_ci LOGIN\""
fi
psql_admin "-c \"ALTER ROLE peergrid_ci PASSWORD '$pg_password'\""
# peergrid_soak is the soak test's own (OfferSoakIT), which restarts the cluster around it
for pg_database in peergrid_ci peergrid_soak; do
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$pg_database'\"")" != "1" ]; then
    psql_admin "-c \"CREATE DATABASE $pg_database OWNER peergrid_ci\""
  fi
done
export PEERGRID_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/peergrid_ci?user=peergrid_ci&password=$pg_password"
export PEERGRID_SOAK_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/peergrid_soak?user=peergrid_ci&password=$pg_password"
export PEERGRID_SOAK_POSTGRES_CLUSTER="$pg_version $pg_cluster"
