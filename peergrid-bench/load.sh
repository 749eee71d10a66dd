#!/usr/bin/env bash
# Builds peergrid-bench (and the modules it needs) and runs the platform's load benchmark: a peergrid
# server in a JVM of its own on 127.0.0.1, prosumers submitting signed offers to it (docs/platform.md,
# "Load").
#
#   peergrid-bench/load.sh                      # closed loop, 32 connections, 3 bursts of 1,000 after 5,000 warm-up
#   peergrid-bench/load.sh --rate 1000          # open loop: Poisson arrivals, 1,000 offers/s, a connection per prosumer
#   peergrid-bench/load.sh --db "$PEERGRID_TEST_POSTGRES_URL"   # against PostgreSQL
#   peergrid-bench/load.sh --help
#
# Set SKIP_BUILD=1 to run what is already built. Runs from a temporary copy of the build (see run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -B -DskipTests -pl peergrid-bench -am package
fi

SNAP="$(mktemp -d "${TMPDIR:-/tmp}/peergrid-load.XXXXXX")"
trap 'rm -rf "$SNAP"' EXIT
cp -r peergrid-bench/target/classes peergrid-bench/target/lib "$SNAP/"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -Dpeergrid.root.dir="$ROOT" -cp "$SNAP/classes:$SNAP/lib/*" \
  org.peergrid.bench.PlatformLoadBenchmark "$@"
