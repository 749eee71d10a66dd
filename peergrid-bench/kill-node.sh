#!/usr/bin/env bash
# A game on 3 local nodes with one node killed (SIGKILL, as `kill -9`) in the middle of it
# (docs/cluster.md, Faults): starts `peergrid clear --local-nodes 3` in the background, waits
# until the driver's main thread is inside the game's rounds on the cluster (from its thread dump,
# with the JDK's jstack), kills the node, and reports when, the exit code and the wall time.
#
#   peergrid-bench/kill-node.sh vc-game /tmp/g            # kill the second node started (not the seed)
#   peergrid-bench/kill-node.sh vc-coop /tmp/c 0          # kill the seed node
#   peergrid-bench/kill-node.sh vc-game /tmp/g all        # kill every node: clear fails with exit code 5
#   SCENARIO=path/to/scenario.yaml peergrid-bench/kill-node.sh vc-game /tmp/g
#
# The result files go to OUT; clear's console to OUT.stdout and OUT.stderr.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ $# -lt 2 ]]; then
  echo "usage: $0 vc-game|vc-coop OUT [NODE index 0..2 (0 = seed) | all]" >&2
  exit 2
fi
mechanism=$1
out=$2
victim=${3:-1}
scenario=${SCENARIO:-examples/ieee33-community/scenario.yaml}
case $mechanism in
  vc-game) in_game='RemotePlayers.respond' ;;
  vc-coop) in_game='RemoteAgents.respond' ;;
  *) echo "$0: the mechanism is vc-game or vc-coop, not $mechanism" >&2; exit 2 ;;
esac
./peergrid --help > /dev/null # builds the command line first when needed, so the clock times the run only

seconds() { date +%s.%N; }
start=$(seconds)
./peergrid clear --scenario "$scenario" --mechanism "$mechanism" --local-nodes 3 --out "$out" \
  > "$out.stdout" 2> "$out.stderr" &
clear=$!
# the node JVMs are children of clear's JVM (./peergrid execs java), started in order, the seed first
for _ in $(seq 1 600); do
  [[ $(pgrep -P "$clear" | wc -l) -ge 3 ]] && break
  sleep 0.1
done
mapfile -t nodes < <(pgrep -P "$clear" | sort -n)
for _ in $(seq 1 1200); do
  jstack "$clear" 2>/dev/null | sed -n '/^"main"/,/^$/p' | grep -q "$in_game" && break
  sleep 0.5
done
at=$(echo "$(seconds) - $start" | bc)
if [[ $victim == all ]]; then
  echo "kill -9 ${nodes[*]} at $at s"
  kill -9 "${nodes[@]}"
else
  echo "kill -9 ${nodes[$victim]} at $at s (driver in $in_game)"
  kill -9 "${nodes[$victim]}"
fi
wait "$clear"
code=$?
echo "exit code $code, wall time $(echo "$(seconds) - $start" | bc) s"
grep '^cluster:' "$out.stdout"
cat "$out.stderr"
