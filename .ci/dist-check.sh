#!/usr/bin/env bash
# CI: the installable archive works on its own (issue 20). Unpacks peergrid-dist's tar.gz (built by
# `./mvnw -B verify`, or `-pl peergrid-dist -am package`) into a temporary folder and, from another
# working directory, runs `bin/peergrid --version` and `bin/peergrid run` on the bundled example
# with a PATH that holds only the few POSIX tools the launcher uses and java: no Maven, no sources.
set -euo pipefail
cd "$(dirname "$0")/.."
archives=(peergrid-dist/target/peergrid-*.tar.gz)
if [ ! -f "${archives[0]}" ]; then
  echo "dist-check: no archive in peergrid-dist/target; build it first (./mvnw -B verify)" >&2
  exit 1
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_home=$JAVA_HOME
else
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar xzf "${archives[0]}" -C "$tmp"
home=("$tmp"/peergrid-*/)
home=${home[0]%/}

# A bin folder of its own: /usr/bin often holds mvn, so PATH=/usr/bin:/bin would not keep Maven out.
mkdir "$tmp/path" "$tmp/work"
for tool in sh readlink dirname basename uname mkdir mktemp mv rm unzip; do
  ln -s "$(command -v "$tool")" "$tmp/path/$tool"
done
clean_env=(env -i HOME="$tmp/work" PATH="$tmp/path:$java_home/bin" PEERGRID_CACHE="$tmp/cache")
if "${clean_env[@]}" sh -c 'command -v mvn || command -v mvnw' >/dev/null; then
  echo "dist-check: Maven is still on the PATH" >&2
  exit 1
fi

cd "$tmp/work"
echo "dist-check: $home/bin/peergrid --version"
version=$("${clean_env[@]}" "$home/bin/peergrid" --version)
echo "$version"
case "$version" in
  "peergrid "*" (commit "*")") ;;
  *) echo "dist-check: unexpected --version output" >&2; exit 1 ;;
esac

echo "dist-check: $home/bin/peergrid run examples/ieee33-community/scenario.yaml"
"${clean_env[@]}" "$home/bin/peergrid" run "$home/examples/ieee33-community/scenario.yaml" --out "$tmp/out"
for file in report.html summary.json; do
  [ -s "$tmp/out/$file" ] || { echo "dist-check: $file was not written" >&2; exit 1; }
done
echo "dist-check: the archive works without Maven or sources"
