# shellcheck shell=bash
# The nodes of scripts/netns-topology.sh: each Seed or WorkerNode runs in its own namespace with
# the environment docker-compose.yml gives its service, the console runs in the client
# namespace, and every wait is a poll of something observable (the Seed's status, a log line, a
# process) up to a deadline. Sourced by netns-topology.sh, which sets: PREFIX, WORK, the dlls
# SEED_DLL WORKER_DLL CLIENT_DLL, and SEED_ADDRESS.

# The tables below are read by netns-topology-run.sh and -bench.sh too.
# shellcheck disable=SC2034
declare -A PID=()        # node name -> pid of its running process ("" when it is not running)
declare -A STARTED=()    # node name -> when its current process started, in microseconds
declare -A ADDRESS=()    # node name -> its 198.18.0.x address
declare -A HELD=()       # node name -> set while the script stops it on purpose: not restarted
declare -A EXITS=()      # node name -> the exit codes of its past processes
RUN_STARTED=${EPOCHREALTIME/./}
CHECKS=0
LAST_STATUS=0
LIVENESS_SECONDS=${LIVENESS_SECONDS:-30}
LIVENESS_KILLS=0
STATUS_INTERVAL_US=1000000

now_us() { echo "${EPOCHREALTIME/./}"; }

# Microseconds as seconds with two decimals.
seconds() { printf '%d.%02d' $(($1 / 1000000)) $((($1 % 1000000) / 10000)); }

# One line of the run's story, with the time since the run started.
event() {
  local line
  line=$(printf '[%7s s] %s' "$(seconds $(($(now_us) - RUN_STARTED)))" "$*")
  echo "$line"
  echo "$line" >> "$WORK/events.txt"
}

pass() {
  CHECKS=$((CHECKS + 1))
  event "ok: $*"
}

# Ends the run: what failed, the tails of every log, exit 1 (the EXIT trap then cleans up).
fail() {
  event "FAILED: $*"
  local log
  for log in "$WORK"/*.log "$WORK"/*.err; do
    [[ -s "$log" ]] || continue
    echo "--- last lines of $log"
    tail -n 25 "$log"
  done
  exit 1
}

# Alive: running and not a zombie waiting to be reaped.
alive() {
  local state=""
  [[ -n "$1" && -r "/proc/$1/stat" ]] || return 1
  read -r _ _ state _ < "/proc/$1/stat" 2> /dev/null || return 1
  [[ "$state" != Z ]]
}

# The services' environment (docker-compose.yml): bind every interface, TLS from the mounted
# directory, and no in-process rejoin: a downed WorkerNode exits 1 and the restart policy, which
# supervise plays here, brings it back as a fresh process, as an orchestrator would.
node_environment() {
  local name=$1
  echo "ACTORMAP_CLUSTER_NAME=actormap"
  echo "ACTORMAP_HOSTNAME=0.0.0.0"
  echo "ACTORMAP_TLS_DIR=$WORK/tls"
  echo "ACTORMAP_REJOIN=off"
  echo "ACTORMAP_HEALTH_PORT=4055"
  # A container's own disk: the compiled-lambda cache survives the container's restarts only.
  echo "ACTORMAP_CACHE_DIR=$WORK/cache-$name"
  if [[ "$name" == seed ]]; then
    echo "ACTORMAP_PUBLIC_HOSTNAME=seed"
    echo "ACTORMAP_API_HOSTNAME=0.0.0.0"
  else
    # No public name, as in compose: bound to 0.0.0.0, a WorkerNode advertises its own address
    # on the route to the Seed.
    echo "ACTORMAP_PORT=4053"
  fi
}

# (Re)starts node NAME (seed, w1, w2, ...) in namespace PREFIXNAME, its output appended to
# WORK/NAME.log. The working directory holds cluster.hocon, as the image's /app does. PID is a
# subshell that waits for the node and exits with its code, as a container's init would: the
# node's own pid, in WORK/NAME.pid, is what crash_node signals.
start_node() {
  local name=$1 dll args variables
  if [[ "$name" == seed ]]; then
    dll=$SEED_DLL
    args=(--port 4053 --api-port 4080)
  else
    dll=$WORKER_DLL
    args=(--seed seed:4053)
  fi
  mapfile -t variables < <(node_environment "$name")
  rm -f "$WORK/$name.pid"
  echo "=== $(date +%T.%3N) process start" >> "$WORK/$name.log"
  (
    cd "$WORK" || exit 1
    ip netns exec "$PREFIX$name" env "${variables[@]}" dotnet "$dll" "${args[@]}" &
    echo $! > "$WORK/$name.pid"
    wait $!
  ) >> "$WORK/$name.log" 2>&1 &
  PID[$name]=$!
  STARTED[$name]=$(now_us)
  HELD[$name]=""
}

# Up in its own view since its current process started: its log's own MemberUp line.
self_up() {
  awk -v up="MemberUp: akka.ssl.tcp://actormap@${ADDRESS[$1]}:4053 is Up" \
    '/^=== / {seen = 0} index($0, up) {seen = 1} END {exit !seen}' "$WORK/$1.log"
}

# The restart policy (restart: on-failure): a node whose process ended with a non-zero code is
# started again at once, at the same address. Beside it, a liveness probe as Kubernetes would
# run one: a WorkerNode not Up LIVENESS_SECONDS after its start is killed, and so restarted.
# (A WorkerNode restarted within seconds at its old address can miss the Seed's InitJoinAck and
# retry its join forever; the probe is what brings it back, and the run says so.)
supervise() {
  local name code
  for name in "${!PID[@]}"; do
    [[ -n "${PID[$name]}" ]] || continue
    if alive "${PID[$name]}"; then
      if [[ "$name" != seed && -z "${HELD[$name]}" ]] && (($(now_us) - STARTED[$name] > LIVENESS_SECONDS * 1000000)) \
        && ! self_up "$name" && [[ -s "$WORK/$name.pid" ]]; then
        event "NOTE: $name is not Up ${LIVENESS_SECONDS} s after its start ($(grep -c "Couldn't join seed nodes" "$WORK/$name.log") join retries): the liveness probe kills it"
        LIVENESS_KILLS=$((LIVENESS_KILLS + 1))
        kill -KILL "$(< "$WORK/$name.pid")" 2> /dev/null || true
      fi
      continue
    fi
    code=0
    wait "${PID[$name]}" || code=$?
    PID[$name]=""
    EXITS[$name]+="$code "
    if ((code != 0)) && [[ -z "${HELD[$name]}" ]]; then
      start_node "$name"
      event "$name exited with $code; restarted at ${ADDRESS[$name]} (restart: on-failure)"
    else
      event "$name exited with $code"
    fi
  done
}

# SIGKILL: the node crashes. Unless HOLD is given, the restart policy starts it again at once.
crash_node() {
  local name=$1 hold=${2:-}
  if [[ -n "$hold" ]]; then HELD[$name]=held; fi
  await "the pid of $name" 30 test -s "$WORK/$name.pid"
  kill -KILL "$(< "$WORK/$name.pid")"
  await "the end of $name" 30 ended "${PID[$name]}"
}

ended() { ! alive "$1"; }

# The console in the client namespace, against the Seed by its service name.
console() {
  ip netns exec "${PREFIX}client" env "ACTORMAP_CACHE_DIR=$WORK/cache-client" dotnet "$CLIENT_DLL" "$@"
}

# The Seed's status as lines "member HOST STATUS REACHABLE WORKERS CHUNKS UPTIME ROLES" and
# "job ID CHUNKS_DONE CHUNKS", in WORK/status.txt; fails when the Seed does not answer.
status_snapshot() {
  local json wait
  # Each call is a console process: polled back to back, they would take a core from the nodes.
  wait=$((LAST_STATUS + STATUS_INTERVAL_US - $(now_us)))
  if ((wait > 0)); then sleep "$(seconds "$wait")"; fi
  LAST_STATUS=$(now_us)
  json=$(console status --json --seed seed:4080 --tls "$WORK/tls" 2>> "$WORK/status.err") || return 1
  python3 -c '
import json, sys
status = json.loads(sys.argv[1])
for m in status["members"]:
    host = m["address"].rsplit("@", 1)[-1].rsplit(":", 1)[0]
    print("member", host, m["status"], "yes" if m["reachable"] else "no", m["workers"], m["chunksDone"], m["uptimeSeconds"], ",".join(m["roles"]))
for j in status["jobs"]:
    print("job", j["jobId"], j["chunksDone"], j["chunks"])
' "$json" > "$WORK/status.txt"
}

# FIELD (status, reachable, workers, chunks, uptime) of the member at HOST in the last snapshot.
member_field() {
  local column
  case $2 in status) column=3 ;; reachable) column=4 ;; workers) column=5 ;; chunks) column=6 ;; uptime) column=7 ;; esac
  awk -v host="$1" -v column="$column" '$1 == "member" && $2 == host {print $column}' "$WORK/status.txt"
}

# True when every named node is an Up, reachable member whose workers the Seed offers to jobs
# (the Seed itself only needs to be Up: it may run no workers).
members_up() {
  status_snapshot || return 1
  local name host
  for name in "$@"; do
    host=${ADDRESS[$name]}
    [[ "$name" == seed ]] && host=seed
    [[ "$(member_field "$host" status)" == Up && "$(member_field "$host" reachable)" == yes ]] || return 1
    [[ "$name" == seed || "$(member_field "$host" workers)" -gt 0 ]] || return 1
  done
}

# The running job's chunks done, or nothing when no job runs.
job_chunks_done() { awk '$1 == "job" {print $3; exit}' "$WORK/status.txt"; }

# await WHAT SECONDS COMMAND...: polls COMMAND (restarting crashed nodes meanwhile) until it
# succeeds, or fails the run after SECONDS.
await() {
  local what=$1 limit=$2
  shift 2
  local deadline=$(($(now_us) + limit * 1000000))
  until "$@"; do
    supervise
    (($(now_us) < deadline)) || fail "no $what within ${limit} s"
    sleep 0.2
  done
  supervise
}

# Starts a console job NAME in the background: its result in WORK/NAME.json, its stderr in
# WORK/NAME.err; JOB_PID is its pid.
start_job() {
  local name=$1
  shift
  console map "$@" --seed seed:4080 --tls "$WORK/tls" --output "$WORK/$name.json" 2> "$WORK/$name.err" &
  JOB_PID=$!
}

# Waits up to SECONDS for the job started last; fails the run unless it succeeded.
finish_job() {
  local name=$1 limit=$2 code=0
  await "end of job $name" "$limit" job_ended
  wait "$JOB_PID" || code=$?
  ((code == 0)) || fail "job $name exited with $code: $(tail -n 3 "$WORK/$name.err")"
}

job_ended() { ended "$JOB_PID"; }

# SIGKILLs every process of the run by pid, nodes and console jobs; a node's wrapper then ends
# by itself. The caller waits for them once the namespaces' own pids are killed too.
stop_all() {
  local name
  for name in "${!PID[@]}"; do
    # Only while its wrapper runs: the pid file of a node that ended may name a reused pid.
    if alive "${PID[$name]}" && [[ -s "$WORK/$name.pid" ]]; then
      kill -KILL "$(< "$WORK/$name.pid")" 2> /dev/null || true
    fi
    PID[$name]=""
  done
  if [[ -n "${JOB_PID:-}" ]]; then kill -KILL "$JOB_PID" 2> /dev/null || true; fi
}
