# shellcheck shell=bash
# The scale-out bench (scripts/netns-topology.sh bench), sourced once the network and the TLS
# directory exist: the same job timed on 1, 2 and 3 WorkerNodes, a new WorkerNode's start to its
# first chunk, and a WorkerNode's restart to Up. The Seed runs no workers of its own here
# (actormap.seed.allow-local-routees = off), so every chunk runs on a WorkerNode.

runs=${BENCH_RUNS:-3}
elements=2000000
lambda='x => { double s = 0; for (int i = 1; i <= 2000; i++) s += Math.Sqrt(x + i); return s; }'
echo "actormap.seed.allow-local-routees = off" >> "$WORK/cluster.hocon"
# Status polls closer together than in the run: they time a first chunk. status_snapshot reads it.
# shellcheck disable=SC2034
STATUS_INTERVAL_US=300000

# A log line's HH:MM:SS.fff (today) in microseconds since the epoch, as now_us counts.
log_time_us() { date -d "$(date +%F) $1" +%s%6N; }

# The time of the first line of node NAME's log, after its last process start, containing TEXT.
first_line_us() {
  local stamp
  stamp=$(awk -v text="$2" '/^=== / {found = ""} !found && index($0, text) {found = $1} END {print found}' "$WORK/$1.log")
  [[ -n "$stamp" ]] && log_time_us "$stamp"
}

# The time of the Seed's "NODE offers N workers (up)" line for NAME after microsecond AFTER.
offered_us() {
  local stamp us
  while read -r stamp; do
    us=$(log_time_us "$stamp")
    if ((us >= $2)); then
      echo "$us"
      return 0
    fi
  done < <(grep -F -- "@${ADDRESS[$1]}:4053 offers" "$WORK/seed.log" | grep -F "(up)" | awk '{print $1}')
  return 1
}

offered_after() { offered_us "$1" "$2" > /dev/null; }

# One timed job: the console's own figure (submission to result, no console start-up).
timed_job() {
  local name=$1
  start_job "$name" "$lambda" --range "0..$elements" --reduce sum
  finish_job "$name" 300
  grep -o '[0-9.]* s,' "$WORK/$name.err" | head -n 1 | tr -d ' s,'
}

declare -A times=()
measure() {
  local nodes=$1 run seconds
  timed_job "warm-$nodes" > /dev/null
  for ((run = 1; run <= runs; run++)); do
    seconds=$(timed_job "bench-$nodes-$run")
    times[$nodes]+="$seconds "
    event "$nodes WorkerNode(s), run $run: $seconds s, sum $(< "$WORK/bench-$nodes-$run.json")"
  done
}

job_running() { status_snapshot && [[ "$(job_chunks_done)" -gt 0 ]]; }

node_took_chunks() { status_snapshot && [[ "$(member_field "${ADDRESS[$1]}" chunks)" -gt 0 ]]; }

declare -A first_chunk=()
# Starts NAME during a long job and times its way to its first chunk: listening, offered by the
# Seed, and the first status poll that shows a chunk of it done (the poll before showed none).
join_mid_job() {
  local name=$1 started listening offered seen before
  start_job "long-$name" "$lambda" --range "0..$((3 * elements))" --chunk-size 20000 --reduce sum
  await "progress of the long job" 60 job_running
  start_node "$name"
  # shellcheck disable=SC2153 # STARTED is the nodes' table, not a misspelt local
  started=${STARTED[$name]}
  before=$started
  until node_took_chunks "$name"; do
    before=$LAST_STATUS
    supervise
    (($(now_us) - started < 90000000)) || fail "$name ran no chunk within 90 s"
  done
  seen=$LAST_STATUS
  listening=$(first_line_us "$name" "listening on")
  offered=$(offered_us "$name" "$started")
  first_chunk[$name]="$(seconds $((listening - started))) $(seconds $((offered - started))) $(seconds $((before - started)))-$(seconds $((seen - started)))"
  event "$name: listening $(seconds $((listening - started))) s, offered $(seconds $((offered - started))) s, first chunk done $(seconds $((before - started)))-$(seconds $((seen - started))) s after its process start"
  finish_job "long-$name" 300
}

start_node seed
start_node w1
await "Seed and w1 Up" 90 members_up seed w1
[[ "$(member_field seed workers)" == 0 ]] || fail "the Seed offers workers of its own: allow-local-routees is not off"
measure 1
join_mid_job w2
measure 2
join_mid_job w3
measure 3

restarts=""
for ((run = 1; run <= runs; run++)); do
  crash_node w3
  restarted=${STARTED[w3]}
  await "w3 offered again" 90 offered_after w3 "$restarted"
  up=$(offered_us w3 "$restarted")
  restarts+="$(seconds $((up - restarted))) "
  event "w3 restart $run: offered again $(seconds $((up - restarted))) s after its process start"
  await "w3 Up in status" 60 members_up w3
done

echo
echo "scale-out on $(nproc) cores: $elements elements x 2000 square roots, --reduce sum; seconds from submission to result"
python3 - "${times[1]}" "${times[2]}" "${times[3]}" "$restarts" <<'EOF'
import statistics, sys
runs = [[float(t) for t in arg.split()] for arg in sys.argv[1:4]]
base = statistics.median(runs[0])
print(f"{'WorkerNodes':>11} {'min':>7} {'median':>7} {'max':>7}   {'time / 1 WorkerNode (median)':>28}")
for n, times in enumerate(runs, start=1):
    lo, mid, hi = min(times), statistics.median(times), max(times)
    print(f"{n:>11} {lo:>7.2f} {mid:>7.2f} {hi:>7.2f}   {lo / base:>8.2f} {mid / base:>8.2f} {hi / base:>8.2f}")
restarts = [float(t) for t in sys.argv[4].split()]
print(f"restart to offered again (s): min {min(restarts):.2f}, median {statistics.median(restarts):.2f}, max {max(restarts):.2f}")
EOF
for name in w2 w3; do
  read -r listening offered chunk <<< "${first_chunk[$name]}"
  echo "$name joined mid-job: listening ${listening} s, offered ${offered} s, first chunk done ${chunk} s after its process start"
done
if ((LIVENESS_KILLS > 0)); then
  echo "NOTE: the liveness probe restarted $LIVENESS_KILLS WorkerNode process(es) stuck joining"
fi
