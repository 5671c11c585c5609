#!/usr/bin/env bash
# SQLite's sqllogictest suite (the 622 files of net.hydromatic:sql-logic-test) against ShaleDB through
# the JDBC driver: selects files by group/pattern, runs them in parallel jobs (one database each) on
# a node it starts on a temporary store (or --url), prints a per-group table and with --out writes
# summary.tsv/json/txt and failures.txt. Exit code 0 only when every selected file ran clean.
#   bench/slt.sh [--group G]... [--files PATTERN]... [--jobs N] [--url URL] [--out DIR] [--list]
#                [--timeout-per-file SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. "$ROOT/bench/lib.sh"
CP=$(shale_tests_classpath "$ROOT")
exec java -Xmx1g -cp "$CP" io.shaledb.tests.slt.SltMain "$@"
