#!/usr/bin/env bash
# Runs the MultiNode specs matching a filter N times in a row (default 20), stopping at the first
# failure, and prints how many runs passed. Builds once, then runs with --no-build. After the
# loop it checks that no network namespace of the netns harness (prefix am-) is left over.
#
#   scripts/repeat-faults.sh                                   # every netns spec, 20 runs
#   scripts/repeat-faults.sh 'FullyQualifiedName~A_2_second' 50
#   scripts/repeat-faults.sh 'Category=Netns' 5
#
# Each run's log is kept in $LOGS (default /tmp/actormap-repeat-faults): the failing one names
# the stuck job or the element that was wrong. On the shared development machine every dotnet
# command takes /tmp/actormap-build.lock, as the other builds do.
set -uo pipefail
cd "$(dirname "$0")/.."

filter="${1:-Category=Netns}"
runs="${2:-20}"
configuration="${CONFIGURATION:-Debug}"
logs="${LOGS:-/tmp/actormap-repeat-faults}"
project=tests/MultiNode.Tests
mkdir -p "$logs"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [FILTER] [RUNS]   (RUNS a whole number, got '$runs')" >&2
  exit 2
fi

locked() { flock /tmp/actormap-build.lock "$@"; }

if ! locked dotnet build "$project" -c "$configuration" > "$logs/build.log" 2>&1; then
  tail -30 "$logs/build.log"
  echo "build failed; see $logs/build.log" >&2
  exit 1
fi

passed=0
status=0
for ((run = 1; run <= runs; run++)); do
  log="$logs/run-$run.log"
  start=$(date +%s)
  locked dotnet test "$project" -c "$configuration" --no-build --filter "$filter" --logger "console;verbosity=normal" > "$log" 2>&1
  code=$?
  seconds=$(( $(date +%s) - start ))
  counts=$(grep -E '^\s+(Passed|Failed|Skipped):' "$log" | tr -s ' ' | tr '\n' ' ')
  if [[ $code -ne 0 ]] || ! grep -qE '^\s+Passed:\s+[1-9]' "$log"; then
    echo "run $run: FAILED after ${seconds}s ($counts); log: $log"
    grep -E '^\s+Failed |Error Message' -A3 "$log" | head -40
    status=1
    break
  fi
  passed=$((passed + 1))
  echo "run $run: passed in ${seconds}s ($counts)"
done

echo "$passed of $runs runs passed in a row (filter: $filter)"

leftovers=$(ip netns list 2>/dev/null | grep -E '^am-[0-9a-f]{6}-' || true)
if [[ -n "$leftovers" ]]; then
  echo "left-over network namespaces:" >&2
  echo "$leftovers" >&2
  status=1
fi
exit $status
