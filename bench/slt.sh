#!/usr/bin/env bash
# SQLite's sqllogictest suite (the 622 files of net.hydromatic:sql-logic-test) through JDBC: selects
# files by group/pattern (or --ci, the CI subset), runs them in parallel jobs (one database each) and
# prints a per-group table; with --out writes summary.tsv/json/txt, failures.txt and unlisted.tsv.
#   bench/slt.sh [--group G]... [--files PATTERN]... [--ci] [--jobs N] [--url URL] [--out DIR] [--list]
#                [--timeout-per-file SECONDS] [--known-differences FILE|none]
# Against ShaleDB by default (a node on a temporary store, or --url). The PostgreSQL baseline:
#   bench/slt.sh --against postgres ...   the same selection against PostgreSQL only
#   bench/slt.sh --compare-postgres ...   ShaleDB and PostgreSQL on the same selection and --jobs,
#                                         interleaved, then both tables side by side
#                                         (DIR/shaledb, DIR/postgresql, DIR/compare.txt)
#     [--slices N]  the selection is cut into N slices (default 8; every N-th file, so each holds
#                   the same mix of groups); each slice runs on one system, then on the other
#                   (ShaleDB first in even slices, PostgreSQL first in odd ones), so the machine's
#                   speed drifting during the run weighs on both alike. --slices 1: one after the other.
#                   ShaleDB runs as one node process on 127.0.0.1 for the whole comparison (or --url).
# PostgreSQL comes from Debian's packages (installed with apt-get only when missing), runs in a
# throw-away cluster in a temporary directory on 127.0.0.1 on a free port (as user postgres when run
# as root), gets one database per job, and is stopped and removed at the end. Its run counts every
# failure (no known-differences list: that list is ShaleDB's). Exit code: ShaleDB's run's (0 only
# when every selected file ran clean); with --against postgres, PostgreSQL's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODE=shaledb; OUT=""; ARGS=(); SLICES=8
while [ $# -gt 0 ]; do
  case "$1" in
    --against)
      [ "${2:-}" = postgres ] || { echo "slt: --against takes 'postgres'" >&2; exit 2; }
      MODE=postgres; shift ;;
    --compare-postgres) MODE=compare ;;
    --out) OUT="${2:?--out needs a directory}"; shift ;;
    --slices)
      SLICES="${2:?--slices needs a number}"; shift
      [[ "$SLICES" =~ ^[1-9][0-9]*$ ]] || { echo "slt: --slices takes a positive number" >&2; exit 2; } ;;
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
free_port_in() { # $1..$2: the range
  local p
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "slt: no free port in $1-$2" >&2; return 1
}
free_port() { free_port_in 55432 55532; }
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

run_postgres() { # $1: output directory or ""; then more arguments for SltMain
  local out=()
  [ -n "$1" ] && out=(--out "$1")
  shift
  "${JAVA[@]}" io.shaledb.tests.slt.SltMain "$@" --url "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" \
      --user postgres --known-differences none "${out[@]}"
}

if [ "$MODE" = postgres ]; then
  rc=0; run_postgres "$OUT" "${ARGS[@]}" || rc=$?
  exit $rc
fi

# ---- --compare-postgres: the same selection on both, interleaved, then side by side -------------
[ -n "$OUT" ] || OUT=$(mktemp -d /tmp/shale-slt-compare.XXXXXX)
mkdir -p "$OUT"
# The selection, cut into slices; each slice runs with the options that do not select files.
"${JAVA[@]}" io.shaledb.tests.slt.SltMain "${ARGS[@]}" --list > "$OUT/selection.txt"
RUN_ARGS=(); SHALE_URL=""
i=0
while [ $i -lt ${#ARGS[@]} ]; do
  case "${ARGS[$i]}" in
    --ci) ;;
    --group|--files|--files-from) i=$((i + 1)) ;;
    --url) i=$((i + 1)); SHALE_URL="${ARGS[$i]}" ;;
    *) RUN_ARGS+=("${ARGS[$i]}") ;;
  esac
  i=$((i + 1))
done
COUNT=$(grep -c . "$OUT/selection.txt" || true)
[ "$COUNT" -gt 0 ] || { echo "slt: no file matches the selection" >&2; exit 2; }
[ "$SLICES" -le "$COUNT" ] || SLICES=$COUNT
rm -f "$OUT"/slice-*.txt
awk -v n="$SLICES" -v d="$OUT" 'NF { print > (d "/slice-" ((NR - 1) % n) ".txt") }' "$OUT/selection.txt"

# ShaleDB: one node process for the whole comparison, as PostgreSQL is one server
if [ -z "$SHALE_URL" ]; then
  SHALE_STORE=$(mktemp -d /tmp/shale-slt-node.XXXXXX)
  SHALE_PORT=$(free_port_in 26400 26500)
  java -Xmx1g -cp "$CP" io.shaledb.server.cli.ShaleMain start --store="$SHALE_STORE" \
      --listen="127.0.0.1:$SHALE_PORT" > "$OUT/shaledb-node.log" 2>&1 &
  SHALE_PID=$!
  stop_all() {
    kill "$SHALE_PID" 2>/dev/null && wait "$SHALE_PID" 2>/dev/null || true
    rm -rf "$SHALE_STORE"
    stop_pg
  }
  trap stop_all EXIT
  deadline=$((SECONDS + 120))
  until (exec 3<>"/dev/tcp/127.0.0.1/$SHALE_PORT") 2>/dev/null; do
    if ! kill -0 "$SHALE_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "slt: the ShaleDB node did not start (see $OUT/shaledb-node.log)" >&2; exit 1
    fi
    sleep 0.2
  done
  SHALE_URL="jdbc:shale://127.0.0.1:$SHALE_PORT/defaultdb"
fi
echo "slt: ShaleDB at $SHALE_URL; $COUNT files in $SLICES slice(s)" >&2

rc=0
rm -rf "$OUT/shaledb" "$OUT/postgresql"
for ((k = 0; k < SLICES; k++)); do
  slice=(--files-from "$OUT/slice-$k.txt" "${RUN_ARGS[@]}")
  for side in $( ((k % 2 == 0)) && echo "shaledb postgresql" || echo "postgresql shaledb"); do
    echo "== slice $((k + 1))/$SLICES: $side" >&2
    if [ "$side" = shaledb ]; then
      "${JAVA[@]}" io.shaledb.tests.slt.SltMain "${slice[@]}" --url "$SHALE_URL" \
          --out "$OUT/shaledb/slice-$k" || rc=$?
    else
      run_postgres "$OUT/postgresql/slice-$k" "${slice[@]}" || true
    fi
  done
done
echo
"${JAVA[@]}" io.shaledb.tests.slt.SltCompare ShaleDB "$OUT/shaledb" PostgreSQL "$OUT/postgresql" | tee "$OUT/compare.txt"
echo "summaries in $OUT" >&2
exit $rc
