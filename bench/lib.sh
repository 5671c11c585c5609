# Sourced by the bench scripts: builds the project and prints the tests module's runtime class
# path, resolved inside the Maven reactor (so it works on a fresh machine whose ~/.m2 holds no
# io.shaledb artifacts, and never picks up stale ones from there).
shale_tests_classpath() {
  local root="$1" cpfile
  cpfile=$(mktemp /tmp/shale-tests-cp.XXXXXX)
  # Every module of the reactor writes the file in turn; `tests` is built last, so its class path wins.
  (cd "$root" && mvn -q -B -DskipTests -pl tests -am package dependency:build-classpath \
      -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime) >&2
  echo "$root/tests/target/classes:$(cat "$cpfile")"
  rm -f "$cpfile"
}
