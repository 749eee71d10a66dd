#!/usr/bin/env bash
# Builds peergrid-bench (and the modules it needs) and runs its JMH benchmarks.
#
#   peergrid-bench/run.sh                 # defaults: -f 1 -wi 3 -w 1s -i 5 -r 1s PowerFlowBenchmark
#   peergrid-bench/run.sh -h              # JMH's own options
#   peergrid-bench/run.sh -f 2 -p caseName=case33bw PowerFlowBenchmark.warmSolve
#
# Any arguments are passed to org.openjdk.jmh.Main unchanged. Runs from the repository root, so
# the benchmarks find examples/feeders/ (override with JAVA_OPTS=-Dpeergrid.root.dir=...).
# Set SKIP_BUILD=1 to run what is already built. The JVM runs from a temporary copy of
# peergrid-bench/target/classes and peergrid-bench/target/lib (see below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -B -DskipTests -pl peergrid-bench -am package
fi

if [[ ! -f peergrid-bench/target/classes/META-INF/BenchmarkList ]]; then
  echo "run.sh: peergrid-bench/target/classes/META-INF/BenchmarkList is missing;" \
       "JMH's annotation processor did not run" >&2
  exit 1
fi

if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s PowerFlowBenchmark
fi

# Run from a private copy of what was built: JMH forks a JVM per benchmark and loads the generated
# classes in each, so another build rewriting peergrid-bench/target meanwhile (a reactor build of
# the whole project recompiles this module too) would otherwise fail later forks with
# ClassNotFoundException.
SNAP="$(mktemp -d "${TMPDIR:-/tmp}/peergrid-bench.XXXXXX")"
trap 'rm -rf "$SNAP"' EXIT
cp -r peergrid-bench/target/classes peergrid-bench/target/lib "$SNAP/"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$SNAP/classes:$SNAP/lib/*" org.openjdk.jmh.Main "$@"
