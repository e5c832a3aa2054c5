#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# docker-compose.yml's topology without Docker: a Seed and WorkerNodes, each in a network
# namespace of its own on a bridge, with the environment compose gives each service and TLS,
# and the console in a client namespace. /etc/netns/NAME/hosts maps `seed` to the Seed, so the
# compose file's `--seed seed:4053` works unchanged.
#
#   scripts/netns-topology.sh [run]     # the checks below; exit 0 only if every one passed
#   scripts/netns-topology.sh bench     # scale-out figures for bench/README.md
#   options: --no-build (use the binaries as they are)
#   environment: CONFIGURATION (Release; Debug uses what dotnet test built), BIN_DIR (a
#   directory with seed/ worker/ client/, as the image's /app; overrides CONFIGURATION),
#   KEEP=1 keeps the work directory (logs, results) after a passing run.
#
# run: a job on Seed + 3 WorkerNodes checked against its exact value; a long job during which a
# 4th WorkerNode starts and takes chunks, and a WorkerNode is SIGKILLed and restarted at its
# address, Up again as a new incarnation, the job's result complete; the Seed SIGKILLed and
# restarted, its WorkerNodes back, and a new job right. On failure it prints the logs' tails.
#
# Needs root (ip netns); without it the script prints "skipped: REASON" and exits 77, the
# automake code for a skipped test. Addresses come from 198.18.0.0/24 only and exist inside the
# run's namespaces only; every name carries the run's prefix am-<6 hex>-, and the EXIT trap
# deletes them all, as the next run sweeps those of a run that was killed. Building takes
# /tmp/actormap-build.lock, as the other builds on the shared machine do: a caller that holds
# it already passes --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source scripts/netns-lib.sh
source scripts/netns-topology-nodes.sh

mode=run
build=yes
for arg in "$@"; do
  case $arg in
    run | bench) mode=$arg ;;
    --no-build) build=no ;;
    *)
      echo "usage: $0 [run|bench] [--no-build]" >&2
      exit 2
      ;;
  esac
done

# Nodes get the compose file's variables and no others: none of the caller's ACTORMAP_ settings.
while read -r variable; do
  unset "$variable"
done < <(compgen -e | grep '^ACTORMAP_' || true)

reason=$(netns_skip_reason)
if [[ -n "$reason" ]]; then
  echo "skipped: $reason"
  exit 77
fi
for tool in dotnet python3 flock; do
  command -v "$tool" > /dev/null || { echo "$0 needs $tool" >&2; exit 1; }
done

configuration=${CONFIGURATION:-Release}
if [[ -n "${BIN_DIR:-}" ]]; then
  SEED_DLL=$BIN_DIR/seed/actormap-seed.dll
  WORKER_DLL=$BIN_DIR/worker/actormap-worker.dll
  CLIENT_DLL=$BIN_DIR/client/actormap.dll
else
  SEED_DLL=$repo/src/Seed/bin/$configuration/net10.0/actormap-seed.dll
  WORKER_DLL=$repo/src/WorkerNode/bin/$configuration/net10.0/actormap-worker.dll
  CLIENT_DLL=$repo/src/Client/bin/$configuration/net10.0/actormap.dll
  if [[ "$build" == yes ]]; then
    for project in src/Seed src/WorkerNode src/Client; do
      flock /tmp/actormap-build.lock dotnet build "$project" -c "$configuration" --nologo -v quiet > /dev/null
    done
  fi
fi
for dll in "$SEED_DLL" "$WORKER_DLL" "$CLIENT_DLL"; do
  [[ -f "$dll" ]] || { echo "$dll is missing: build it, or leave out --no-build" >&2; exit 1; }
done

# Names and addresses: the Seed at .1, WorkerNodes from .11, the console at .100.
SEED_ADDRESS=$NETNS_SUBNET.1
ADDRESS[seed]=$SEED_ADDRESS
for index in 1 2 3 4; do
  ADDRESS[w$index]=$NETNS_SUBNET.$((10 + index))
done
ADDRESS[client]=$NETNS_SUBNET.100

netns_sweep_orphans
PREFIX=$(netns_new_prefix)
WORK=$(mktemp -d "/tmp/actormap-topology-$mode.XXXXXX")
netns_own "$PREFIX"

cleanup() {
  local code=$? leftovers
  # Every step runs whatever the one before did: a failed kill must not leave namespaces behind.
  set +e
  stop_all
  netns_delete_prefix "$PREFIX" kill
  wait 2> /dev/null
  leftovers=$(netns_remaining "$PREFIX")
  if [[ -n "$leftovers" ]]; then
    echo "left over after the run:" >&2
    echo "$leftovers" >&2
    code=1
  else
    netns_release "$PREFIX"
    echo "cleanup: no namespace or /etc/netns entry of $PREFIX is left"
  fi
  if ((code == 0)) && [[ -z "${KEEP:-}" ]]; then
    rm -rf "$WORK"
  else
    echo "logs and results: $WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

netns_bridge "$PREFIX"
for name in "${!ADDRESS[@]}"; do
  netns_host "$PREFIX" "$name" "${ADDRESS[$name]##*.}"
  netns_hosts_file "$PREFIX" "$name" "$SEED_ADDRESS seed"
done
event "network $PREFIX: bridge ${PREFIX}br; seed $SEED_ADDRESS, w1-w4 ${ADDRESS[w1]}-${ADDRESS[w4]}, client ${ADDRESS[client]}"

# The node certificate names the Seed's service name and every node address.
hosts=(--host seed)
for name in "${!ADDRESS[@]}"; do
  hosts+=(--host "${ADDRESS[$name]}")
done
dotnet "$CLIENT_DLL" certs create --out "$WORK/tls" "${hosts[@]}" > /dev/null
cp cluster.hocon "$WORK/cluster.hocon"

# shellcheck source=SCRIPTDIR/netns-topology-run.sh
source "scripts/netns-topology-$mode.sh"
