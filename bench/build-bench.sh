#!/usr/bin/env bash
# Build benchmark: for the Node and the Java (Maven) fixture apps, times `ferry build` three ways:
#   cold       every layer built afresh (--no-cache), dependencies downloaded
#   code-only  after a one-line change to the app's code (the dependency layer must stay cached)
#   no-change  again with nothing changed
# Targets (issue 3): code-only at least 5x faster than cold; no-change under 3 s.
# Needs an engine with the stand-in base images (.ci/podman). Prints one table; exits 1 when a target is missed.
#
#   bench/build-bench.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
apps="$root/ferry-core/src/test/resources/build/apps"
jar="$root/ferry-cli/target/ferry.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -o -B -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ferry_build() { # compose-file, extra args...
  local compose=$1; shift
  java -jar "$jar" build --pull never -f "$compose" "$@" >/dev/null 2>"$work/last.log" \
    || { cat "$work/last.log" >&2; exit 1; }
}

seconds() { # command... -> elapsed seconds with two decimals
  local start end
  start=$(date +%s.%N); "$@"; end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
}

missed=0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (figures vary with other work on the machine)"
printf '%-12s %10s %10s %10s %8s\n' app cold code-only no-change speedup
for app in node-express java-maven; do
  cp -r "$apps/$app" "$work/$app"
  printf 'services:\n  web:\n    build: ./%s\n    image: ferry-bench/%s:latest\n' "$app" "$app" >"$work/compose-$app.yaml"
  case $app in
    node-express) code="$work/$app/server.js"; comment="// bench change" ;;
    java-maven) code="$work/$app/src/main/java/fixture/Hello.java"; comment="// bench change" ;;
  esac
  cold=$(seconds ferry_build "$work/compose-$app.yaml" --no-cache)
  echo "$comment $(date +%s%N)" >>"$code"
  codeonly=$(seconds ferry_build "$work/compose-$app.yaml")
  nochange=$(seconds ferry_build "$work/compose-$app.yaml")
  speedup=$(awk -v c="$cold" -v o="$codeonly" 'BEGIN {printf "%.1fx", c / o}')
  printf '%-12s %9ss %9ss %9ss %8s\n' "$app" "$cold" "$codeonly" "$nochange" "$speedup"
  awk -v c="$cold" -v o="$codeonly" -v n="$nochange" 'BEGIN {exit !(c / o >= 5 && n < 3)}' || missed=1
done
[ $missed = 0 ] && echo "targets met: code-only >= 5x faster than cold, no-change < 3 s" \
  || { echo "a target was missed" >&2; exit 1; }
