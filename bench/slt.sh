#!/usr/bin/env bash
# SQLite's sqllogictest suite (the 622 files of net.hydromatic:sql-logic-test) through JDBC: selects
# files by group/pattern (or --ci, the CI subset), runs them in parallel jobs (one database each) and
# prints a per-group table; with --out writes summary.tsv/json/txt, failures.txt and unlisted.tsv.
#   bench/slt.sh [--group G]... [--files PATTERN]... [--ci] [--jobs N] [--url URL] [--out DIR] [--list]
#                [--timeout-per-file SECONDS] [--known-differences FILE|none]
# Against ShaleDB by default (a node on a temporary store, or --url). The PostgreSQL baseline:
#   bench/slt.sh --against postgres ...   the same selection against PostgreSQL only
#   bench/slt.sh --compare-postgres ...   ShaleDB, then PostgreSQL, on the same selection and --jobs,
#                                         then both tables side by side (DIR/shaledb, DIR/postgresql)
# PostgreSQL comes from Debian's packages (installed with apt-get only when missing), runs in a
# throw-away cluster in a temporary directory on 127.0.0.1 on a free port (as user postgres when run
# as root), gets one database per job, and is stopped and removed at the end. Its run counts every
# failure (no known-differences list: that list is ShaleDB's). Exit code: ShaleDB's run's (0 only
# when every selected file ran clean); with --against postgres, PostgreSQL's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODE=shaledb; OUT=""; ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --against)
      [ "${2:-}" = postgres ] || { echo "slt: --against takes 'postgres'" >&2; exit 2; }
      MODE=postgres; shift ;;
    --compare-postgres) MODE=compare ;;
    --out) OUT="${2:?--out needs a directory}"; shift ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
. "$ROOT/bench/lib.sh"
CP=$(shale_tests_classpath "$ROOT")
JAVA=(java -Xmx1g -cp "$CP")

run_shaledb() { # $1: output directory or ""
  local out=()
  [ -n "$1" ] && out=(--out "$1")
  "${JAVA[@]}" io.shaledb.tests.slt.SltMain "${ARGS[@]}" "${out[@]}"
}

if [ "$MODE" = shaledb ]; then
  run_shaledb "$OUT"
  exit $?
fi

# ---- PostgreSQL: install if missing, start a throw-away cluster on 127.0.0.1 --------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/postgres" ]; then
  echo "slt: installing PostgreSQL from Debian packages..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
free_port() {
  local p
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "slt: no free port in 55432-55532" >&2; return 1
}
PGROOT=$(mktemp -d /tmp/shale-slt-pg.XXXXXX)
PGDATA="$PGROOT/data"
[ "$(id -u)" = 0 ] && chown postgres "$PGROOT"
PGPORT=$(free_port)
stop_pg() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast -t 60 stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}
trap stop_pg EXIT
as_pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGROOT/log -w -t 60 -o '-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1' start" >/dev/null
echo "slt: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2

run_postgres() { # $1: output directory or ""
  local out=()
  [ -n "$1" ] && out=(--out "$1")
  "${JAVA[@]}" io.shaledb.tests.slt.SltMain "${ARGS[@]}" --url "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" \
      --user postgres --known-differences none "${out[@]}"
}

if [ "$MODE" = postgres ]; then
  rc=0; run_postgres "$OUT" || rc=$?
  exit $rc
fi

# ---- --compare-postgres: the same selection on both, then side by side -------------------------
[ -n "$OUT" ] || OUT=$(mktemp -d /tmp/shale-slt-compare.XXXXXX)
mkdir -p "$OUT"
echo "== ShaleDB" >&2
rc=0; run_shaledb "$OUT/shaledb" || rc=$?
echo "== PostgreSQL" >&2
run_postgres "$OUT/postgresql" || true
echo
"${JAVA[@]}" io.shaledb.tests.slt.SltCompare ShaleDB "$OUT/shaledb" PostgreSQL "$OUT/postgresql" | tee "$OUT/compare.txt"
echo "summaries in $OUT" >&2
exit $rc
