#!/usr/bin/env bash
# Point INSERT / primary-key SELECT rate and p50/p99 latency over one JDBC connection, against a
# ShaleDB node configured as `shale demo` runs it. With --with-postgres it also installs PostgreSQL
# from Debian's packages (if missing), runs it on 127.0.0.1 in a temporary data directory, measures
# the same workload through pgjdbc and prints ShaleDB/PostgreSQL ratios.
#   bench/point-ops.sh [--with-postgres] [--rows N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WITH_PG=0; ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --with-postgres) WITH_PG=1 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
. "$ROOT/bench/lib.sh"
CP=$(shale_tests_classpath "$ROOT")

PG_ARGS=()
if [ "$WITH_PG" = 1 ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/postgres" ]; then
    echo "installing PostgreSQL from Debian packages..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PGDATA=$(mktemp -d /tmp/shale-bench-pg.XXXXXX); chown postgres "$PGDATA"
  PGPORT=55432
  su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' -w start" >/dev/null
  trap 'su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1; rm -rf "$PGDATA"' EXIT
  PG_ARGS=(--pg-url "jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres")
fi
java -Xmx1g -cp "$CP" io.shaledb.tests.bench.PointOpsBenchmark "${PG_ARGS[@]}" "${ARGS[@]}"
