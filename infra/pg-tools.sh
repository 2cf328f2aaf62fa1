# Shared by infra/backup.sh and infra/restore.sh (sourced, not run): where PostgreSQL is and which
# client programs to use. The embedded server is PostgreSQL 14; pg_dump/pg_restore/psql of version 14
# or newer work with it (Debian 12's postgresql-client is 15). zonky's embedded binaries have no client
# programs, so they come from the system: `apt-get install postgresql-client`.
: "${CAITIEN_PG_HOST:=localhost}" "${CAITIEN_PG_PORT:=5433}" "${CAITIEN_PG_USER:=postgres}"
: "${CAITIEN_PG_DATABASE:=caitien}" "${CAITIEN_PLAN_SCHEMA:=plan}"
export PGHOST="$CAITIEN_PG_HOST" PGPORT="$CAITIEN_PG_PORT" PGUSER="$CAITIEN_PG_USER" PGDATABASE="$CAITIEN_PG_DATABASE"
# PGPASSWORD (or ~/.pgpass) for a server that needs one; the embedded one trusts loopback.

pg_tool() { # <name>: the newest installed client program of that name
  local found
  if found=$(command -v "$1" 2>/dev/null); then echo "$found"; return 0; fi
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$found" ]]; then echo "$found"; return 0; fi
  echo "✗ Không tìm thấy $1. Cài gói công cụ PostgreSQL: sudo apt-get install postgresql-client" >&2
  return 1
}

PG_DUMP=$(pg_tool pg_dump) || exit 3
PG_RESTORE=$(pg_tool pg_restore) || exit 3
PSQL=$(pg_tool psql) || exit 3

sql() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -t -A -c "$1"; }

require_server() {
  sql "select 1" >/dev/null 2>&1 || {
    echo "✗ Không kết nối được PostgreSQL tại $PGHOST:$PGPORT (CSDL $PGDATABASE). Hệ thống đã chạy chưa (./caitien up)?" >&2
    exit 4
  }
}
