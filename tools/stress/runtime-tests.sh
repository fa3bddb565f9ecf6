#!/usr/bin/env bash
# Runs tests/Runtime.Tests N times in a row (default 50) under CPU load (two busy loops beside it, as on a loaded
# 2-core machine) and stops at nothing: it counts the runs that failed and keeps their output.
#   tools/stress/runtime-tests.sh [runs] [busy-loops]
# A flaky runtime test is a bug: any failed run here is one to find and fix.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-50}
busy=${2:-2}
log_dir=$(mktemp -d)

dotnet build tests/Runtime.Tests -v quiet -nologo >/dev/null || { echo "build failed"; exit 2; }

pids=()
for _ in $(seq "$busy"); do
  ( while :; do :; done ) &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null' EXIT

failed=0
start=$(date +%s)
for i in $(seq "$runs"); do
  if dotnet test tests/Runtime.Tests --no-build -nologo >"$log_dir/run-$i.log" 2>&1; then
    rm "$log_dir/run-$i.log"
    printf '.'
  else
    failed=$((failed + 1))
    printf 'F'
  fi
done
echo
echo "$runs runs of tests/Runtime.Tests beside $busy busy loops in $(( $(date +%s) - start )) s: $((runs - failed)) passed, $failed failed"
if [ "$failed" -ne 0 ]; then
  echo "output of the failed runs: $log_dir"
  grep -h -A3 "^  Failed " "$log_dir"/run-*.log | head -n 60
  exit 1
fi
rm -rf "$log_dir"
