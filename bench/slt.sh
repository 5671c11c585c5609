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
mvn -q -B -DskipTests -pl tests -am package >&2
CP="$ROOT/tests/target/classes:$(mvn -q -B -pl tests dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime 2>/dev/null | tail -n 1)"
# In a reactor-less run, sibling modules resolve from the local repository; point them at this tree.
for m in kv replication txn sql jdbc-driver shell server; do CP="$ROOT/$m/target/classes:$CP"; done
exec java -Xmx1g -cp "$CP" io.shaledb.tests.slt.SltMain "$@"
