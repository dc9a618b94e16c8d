# Sourced by scripts/test.sh: finds the PostgreSQL server the PostgreSQL half of the tests runs on and
# exports PG_TEST_URL (docs/decisions/009-postgresql-schema-mirror.md).
# Order: $PG_TEST_URL, a server answering on the local socket. When none answers and we run as root on
# Debian, installs postgresql with apt, starts its cluster and creates a superuser role for this user;
# otherwise leaves PG_TEST_URL unset, and those tests fail with a one-line instruction (they never skip).
local_pg_url() { echo "postgresql:///postgres?host=/var/run/postgresql&user=$(id -un)"; }
pg_answers() { command -v psql >/dev/null 2>&1 && psql "$1" -Atqc "select 1" >/dev/null 2>&1; }

if [ -z "${PG_TEST_URL:-}" ]; then
  if ! pg_answers "$(local_pg_url)" && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "No PostgreSQL found: installing postgresql with apt-get…"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1 "/" $2}'); do
      pg_ctlcluster --skip-systemctl-redirect "${cluster%/*}" "${cluster#*/}" start 2>/dev/null
    done
    su postgres -c "psql -Atqc \"select 1 from pg_roles where rolname = '$(id -un)'\"" 2>/dev/null | grep -q 1 ||
      su postgres -c "createuser -s $(id -un)" 2>/dev/null
  fi
  if pg_answers "$(local_pg_url)"; then
    PG_TEST_URL=$(local_pg_url)
    export PG_TEST_URL
  else
    echo "No PostgreSQL server answers: its tests will fail. Install and start PostgreSQL 15 (Debian: apt-get install -y postgresql) or set PG_TEST_URL." >&2
  fi
fi
