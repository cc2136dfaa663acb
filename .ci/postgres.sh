# Sourced by .ci/run: starts Debian's PostgreSQL cluster and exports JCSTAR_TEST_POSTGRES.
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then pg_createcluster "$ver" main >/dev/null; fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
# The test suites run in parallel, each keeping pooled connections per database it uses (scratch databases of the
# two-node, kill and takeover tests, the server's, the runtime's): PostgreSQL's default of 100 connections was reached
# twice in CI ("53300: sorry, too many clients already" in a node of the two-node test). 300 leaves room.
if [ "$(su postgres -c "psql -qtAc 'SHOW max_connections'")" -lt 300 ]; then
  su postgres -c "psql -qc \"ALTER SYSTEM SET max_connections = 300\""
  pg_ctlcluster "$ver" main restart
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='jcstar'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE jcstar LOGIN SUPERUSER PASSWORD 'jcstar'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='jcstar_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE DATABASE jcstar_test OWNER jcstar\""
export JCSTAR_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Database=jcstar_test;Username=jcstar;Password=jcstar"
