#!/usr/bin/env bash
# Long Raft runs that are not part of the default test run.
#   bench/raft.sh commit [proposals=10000] [payloadBytes=64] [dir]
#       Commit rate and p50/p99 commit latency of a 3-member group in one JVM (RocksDB logs,
#       synced), 1 and 64 outstanding proposals, against the raw synced RocksDB batch rate
#       measured in the same run.
#   bench/raft.sh store [groups=1000] [seconds=5] [idleGroups=10000] [idleSeconds=20] [tickMs=100] [dir] [transport=direct|grpc|both]
#       The multi-raft Store: 3 stores in one JVM (synced RocksDB each, 2 workers each): committed
#       proposals/s and p50/p99 commit latency over `groups` groups with 1 and 64 concurrent
#       proposers, the raw synced RocksDB batch rate of the same run, and the process CPU of
#       `idleGroups` quiesced groups per store as % of one core.
#   bench/raft.sh transport [batches=100000] [messagesPerBatch=16] [payloadBytes=64] [window=1024]
#       Batches/s and messages/s between two gRPC Raft transports on loopback in one JVM.
#   bench/raft.sh seeds NODES FROM TO [durationTicks=6000]
#       The deterministic simulation over many more seeds than CI runs; prints each seed's
#       summary or failure (a failing seed replays with the @Test line it prints).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
case "${1:-}" in
  commit) MAIN=io.shaledb.replication.bench.RaftCommitBenchmark; shift ;;
  store) MAIN=io.shaledb.replication.bench.StoreBenchmark; shift ;;
  seeds) MAIN=io.shaledb.replication.raft.SimulationStats; shift ;;
  transport) MAIN=io.shaledb.replication.bench.TransportBenchmark; shift ;;
  *) echo "usage: bench/raft.sh commit [proposals] [payloadBytes] [dir] | store [groups] [seconds] [idleGroups] [idleSeconds] [tickMs] [dir] | transport [batches] [messagesPerBatch] [payloadBytes] [window] | seeds NODES FROM TO [duration]" >&2; exit 2 ;;
esac
CPFILE=$(mktemp /tmp/shale-replication-cp.XXXXXX)
trap 'rm -f "$CPFILE"' EXIT
mvn -q -B -pl replication -am test-compile dependency:build-classpath -Dmdep.outputFile="$CPFILE" >&2
java -Xmx1g -cp "replication/target/test-classes:replication/target/classes:kv/target/classes:$(cat "$CPFILE")" "$MAIN" "$@"

