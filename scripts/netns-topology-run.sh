# shellcheck shell=bash
# The topology run (scripts/netns-topology.sh run), sourced once the network and the TLS
# directory exist. Every step waits on what it can observe: the Seed's status, a process.

# The long job's elements and the square roots each one costs: about 20 s on 2 free cores, long
# enough for a node to start and another to be restarted while it runs.
long_elements=${LONG_ELEMENTS:-20000}
long_work=${LONG_WORK:-700000}
long_lambda="x => { var s = 0.0; for (var i = 1; i <= $long_work; i++) s += Math.Sqrt(x + i); return s < 0 ? -1 : x; }"

# The sum of x * x over 0..N (N excluded), exactly.
sum_of_squares() { python3 -c 'import sys; n = int(sys.argv[1]); print(sum(x * x for x in range(n)))' "$1"; }

# A square-sum job on the cluster, checked against its exact value.
squares_job() {
  local name=$1 elements=$2 expected actual
  expected=$(sum_of_squares "$elements")
  start_job "$name" "x => x * x" --range "0..$elements" --reduce sum
  finish_job "$name" 120
  actual=$(tr -d '[:space:]' < "$WORK/$name.json")
  [[ "$actual" == "$expected" ]] || fail "job $name: sum of x * x over 0..$elements is $actual, expected $expected"
  pass "job $name: sum of x * x over 0..$elements = $actual, exact ($(grep -o '[0-9.]* s,' "$WORK/$name.err" | head -n 1) $(grep -o '[0-9]* workers' "$WORK/$name.err"))"
}

job_running() { status_snapshot && [[ "$(job_chunks_done)" -gt 0 ]]; }

node_took_chunks() { status_snapshot && [[ "$(member_field "${ADDRESS[$1]}" chunks)" -gt "$2" ]]; }

# Up again since its last process start: a member whose Up time is younger than the process.
up_since_restart() {
  members_up "$1" || return 1
  local uptime age
  uptime=$(member_field "${ADDRESS[$1]}" uptime)
  age=$(seconds $(($(now_us) - ${STARTED[$1]})))
  python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$uptime" "$age"
}

progress() {
  local line
  line=$(awk '$1 == "job" {print $3 "/" $4 " chunks done"; exit}' "$WORK/status.txt")
  echo "${line:-job finished}"
}

seed_lines() { grep -c -F -- "$1" "$WORK/seed.log" || true; }

# The Seed's "NODE offers N workers (up)" lines: a member that came Up. (It also re-offers a
# lost node's workers when the node connects again, which a new incarnation does before it joins.)
seed_offers() { grep -F -- "@${ADDRESS[$1]}:4053 offers" "$WORK/seed.log" | grep -c -F "(up)" || true; }

seed_offers_again() { (($(seed_offers "$1") > $2)); }

# 1. A Seed and three WorkerNodes, as `docker compose up --scale worker=3`.
start_node seed
for name in w1 w2 w3; do
  start_node "$name"
done
await "Seed and w1-w3 Up" 90 members_up seed w1 w2 w3
pass "Seed and w1-w3 are Up, reachable and offer their workers"

# 2. A job, checked against the exact value.
squares_job squares 1000000

# 3. A long job; mid-job, a fourth WorkerNode starts and a WorkerNode crashes.
status_snapshot
declare -A chunks_before=()
for name in w1 w2 w3; do
  chunks_before[$name]=$(member_field "${ADDRESS[$name]}" chunks)
done
chunks_before[w4]=0
start_job long "$long_lambda" --range "0..$long_elements" --chunk-size 100
await "progress of the long job" 60 job_running
event "long job running: $(progress)"

# Both at once, so that both happen while the job runs on a loaded 2-core machine.
start_node w4
w4_started=${STARTED[w4]}
offers=$(seed_offers w2)
crashed_at=$(now_us)
crash_node w2
restarted=${STARTED[w2]}
alive "$JOB_PID" || fail "the long job ended before w2 was killed and restarted: raise LONG_WORK"
event "w4 started and w2 SIGKILLed (restarted at once) mid-job; long job: $(progress)"

await "chunks done by w4" 90 node_took_chunks w4 0
event "w4 ran $(member_field "${ADDRESS[w4]}" chunks) chunks, first seen $(seconds $(($(now_us) - w4_started))) s after its process started; long job: $(progress)"
if ! alive "$JOB_PID" || [[ -z "$(job_chunks_done)" ]]; then fail "the long job ended before w4 took chunks: raise LONG_WORK"; fi
pass "w4, started mid-job, takes chunks of the running job"

# The Seed's log says when it offers the new incarnation's workers; status then confirms it.
await "the Seed offering w2's workers again" 90 seed_offers_again w2 "$offers"
event "the Seed offers w2's new workers $(seconds $(($(now_us) - restarted))) s after its restart"
await "w2 Up again after its restart" 90 up_since_restart w2
event "w2 Up again $(seconds $(($(now_us) - restarted))) s after its restart ($(seconds $(($(now_us) - crashed_at))) s after the kill); long job: $(progress)"
# Akka keeps one member per host:port: the new incarnation is Up only once the old one is gone.
[[ "$(seed_lines "MemberRemoved: akka.ssl.tcp://actormap@${ADDRESS[w2]}:4053 is Removed")" -ge 1 ]] \
  || fail "the Seed never removed w2's first incarnation"
[[ "$(seed_lines "MemberUp: akka.ssl.tcp://actormap@${ADDRESS[w2]}:4053 is Up")" -ge 2 ]] \
  || fail "the Seed did not see w2 Up twice"
pass "w2, SIGKILLed mid-job and restarted at ${ADDRESS[w2]}, is Up as a new incarnation (the Seed removed the old one)"

finish_job long 300
python3 -c '
import json, sys
results = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
sys.exit(0 if results == list(range(n)) else 1)
' "$WORK/long.json" "$long_elements" || fail "the long job's result is not 0..$long_elements in order"
status_snapshot
shares=""
for name in w1 w2 w3 w4; do
  shares+=" $name $(($(member_field "${ADDRESS[$name]}" chunks) - ${chunks_before[$name]}))"
done
pass "long job: all $long_elements results present, each in its place ($(grep -o '[0-9.]* s,' "$WORK/long.err" | head -n 1) chunks per node:$shares)"

# 4. The Seed crashes and comes back; its WorkerNodes, downed by their own side, exit 1 and are
# restarted by the policy, and join the new Seed.
seed_crashed=$(now_us)
crash_node seed
event "Seed SIGKILLed"
await "Seed and w1-w4 Up after the Seed's restart" 120 members_up seed w1 w2 w3 w4
event "Seed and w1-w4 Up again $(seconds $(($(now_us) - seed_crashed))) s after the Seed's kill; exit codes so far: $(for n in w1 w2 w3 w4; do printf '%s[%s] ' "$n" "${EXITS[$n]:-}"; done)"
pass "after the Seed's restart every WorkerNode is back"
squares_job after-restart 2000000

if ((LIVENESS_KILLS > 0)); then
  event "NOTE: the liveness probe restarted $LIVENESS_KILLS WorkerNode process(es) stuck joining (see above)"
fi
event "topology run passed: $CHECKS checks in $(seconds $(($(now_us) - RUN_STARTED))) s"
