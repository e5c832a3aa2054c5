# shellcheck shell=bash
# Network namespaces for ActorMap's topology runs, in the conventions of the C# netns harness
# (tests/MultiNode.Tests/Network): every name starts with a per-run prefix am-<6 hex>-, a bridge
# lives in a namespace of its own, each host joins it by a veth pair whose two ends are created
# straight inside their namespaces, and addresses come from 198.18.0.0/24 only. The machine's own
# namespace never gets a link, an address or a route, so no packet of a run can leave it.
#
#   source scripts/netns-lib.sh
#   prefix=$(netns_new_prefix); netns_own "$prefix"
#   netns_bridge "$prefix"; netns_host "$prefix" seed 1; netns_hosts_file "$prefix" seed "198.18.0.1 seed"
#   ...; netns_delete_prefix "$prefix"; netns_remaining "$prefix"   # prints nothing when clean
#
# A run owns its prefix through /run/actormap-netns/PREFIX, which names its pid and the tag
# "netns-topology" (the C# harness writes a bare pid there and never sweeps a tagged file).
# netns_sweep_orphans deletes what runs that died without their trap (SIGKILL) left behind.

NETNS_FAMILY=am-
NETNS_SUBNET=198.18.0
NETNS_OWNERS=/run/actormap-netns
NETNS_ETC=/etc/netns
NETNS_TAG=netns-topology

# A fresh prefix such as am-3fa9c1-: 10 characters, leaving 5 of a link name's 15.
netns_new_prefix() {
  printf '%s%s-' "$NETNS_FAMILY" "$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
}

# Refuses anything but am-<6 hex>-, so a mistyped prefix can never match someone else's names.
netns_check_prefix() {
  [[ "$1" =~ ^am-[0-9a-f]{6}-$ ]] || { echo "netns-lib: '$1' is not a prefix am-<6 hex>-" >&2; return 1; }
}

# Prints why network namespaces cannot be used here; prints nothing when they can.
netns_skip_reason() {
  if [[ "$(uname -s)" != Linux ]]; then echo "network namespaces are Linux only"; return 0; fi
  if [[ $EUID -ne 0 ]]; then echo "ip netns needs root (CI runs as root)"; return 0; fi
  if ! command -v ip > /dev/null; then echo "iproute2's ip is not installed"; return 0; fi
  local prefix error
  prefix=$(netns_new_prefix)
  netns_own "$prefix"
  if ! error=$(ip netns add "${prefix}probe" 2>&1); then
    netns_release "$prefix"
    echo "ip netns is not permitted here: $error"
    return 0
  fi
  error=$(ip -n "${prefix}probe" link set lo up 2>&1) || true
  ip netns delete "${prefix}probe" 2> /dev/null || true
  netns_release "$prefix"
  [[ -z "$error" ]] || echo "ip netns exec is not permitted here: $error"
}

# Written before the first namespace, so that a run killed half-way is still swept.
netns_own() {
  netns_check_prefix "$1" || return 1
  mkdir -p "$NETNS_OWNERS"
  echo "$$ $NETNS_TAG" > "$NETNS_OWNERS/$1"
}

netns_release() {
  netns_check_prefix "$1" || return 1
  rm -f "$NETNS_OWNERS/$1"
}

# Deletes the namespaces and /etc/netns entries of tagged runs whose process is gone, killing
# the node processes such a run left inside its namespaces (they were its own children).
netns_sweep_orphans() {
  local owner prefix pid tag
  [[ -d "$NETNS_OWNERS" ]] || return 0
  for owner in "$NETNS_OWNERS"/"$NETNS_FAMILY"*; do
    [[ -f "$owner" ]] || continue
    read -r pid tag < "$owner" || true
    [[ "$tag" == "$NETNS_TAG" ]] || continue
    # A live owner is a running topology script; a reused pid runs something else.
    if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2> /dev/null < "/proc/$pid/cmdline" | grep -q "$NETNS_TAG"; then
      continue
    fi
    prefix=$(basename "$owner")
    netns_check_prefix "$prefix" || continue
    echo "netns-lib: sweeping $prefix, left by pid $pid" >&2
    netns_delete_prefix "$prefix" kill
    if [[ -z "$(netns_remaining "$prefix")" ]]; then netns_release "$prefix"; fi
  done
}

# The names of this prefix's namespaces, one a line.
netns_namespaces() {
  ip netns list 2> /dev/null | awk -v prefix="$1" 'index($1, prefix) == 1 {print $1}'
}

# Deletes every namespace of PREFIX (the links inside go with them) and their /etc/netns dirs.
# With "kill", first SIGKILLs the processes still inside them: a namespace held by a process
# outlives its name.
netns_delete_prefix() {
  local prefix=$1 mode=${2:-} ns pid
  netns_check_prefix "$prefix" || return 1
  for ns in $(netns_namespaces "$prefix"); do
    if [[ "$mode" == kill ]]; then
      for pid in $(ip netns pids "$ns" 2> /dev/null); do
        kill -KILL "$pid" 2> /dev/null || true
      done
    fi
    ip netns delete "$ns" 2> /dev/null || true
  done
  for ns in "$NETNS_ETC"/"$prefix"*; do
    if [[ -d "$ns" ]]; then rm -rf -- "$ns"; fi
  done
  return 0
}

# What a clean run leaves none of: namespaces, links in the machine's namespace, /etc/netns dirs.
netns_remaining() {
  local prefix=$1 ns
  netns_check_prefix "$prefix" || return 1
  netns_namespaces "$prefix" | sed 's/^/namespace /'
  # Links are made inside the namespaces and die with them; one here would be a bug of this file.
  ip -o link show 2> /dev/null | awk -F': ' -v prefix="$prefix" '{sub(/@.*/, "", $2)} index($2, prefix) == 1 {print "link " $2}'
  for ns in "$NETNS_ETC"/"$prefix"*; do
    if [[ -d "$ns" ]]; then echo "$ns"; fi
  done
  return 0
}

# The bridge: namespace PREFIXbr holding the bridge PREFIXbr.
netns_bridge() {
  local prefix=$1
  netns_check_prefix "$prefix" || return 1
  ip netns add "${prefix}br"
  ip -n "${prefix}br" link set lo up
  ip -n "${prefix}br" link add "${prefix}br" type bridge
  ip -n "${prefix}br" link set "${prefix}br" up
}

# Host namespace PREFIXNAME at 198.18.0.OCTET/24, linked to the bridge by veth PREFIXvOCTET
# (inside the host) and PREFIXbOCTET (a port of the bridge). No default route: the /24 is all
# a host can reach.
netns_host() {
  local prefix=$1 name=$2 octet=$3
  netns_check_prefix "$prefix" || return 1
  if ! [[ "$octet" =~ ^[0-9]+$ ]] || ((octet < 1 || octet > 254)); then
    echo "netns-lib: octet '$octet' is not 1-254" >&2
    return 1
  fi
  local ns="${prefix}${name}" link="${prefix}v${octet}" port="${prefix}b${octet}"
  ip netns add "$ns"
  ip link add "$link" netns "$ns" type veth peer name "$port" netns "${prefix}br"
  ip -n "${prefix}br" link set "$port" master "${prefix}br"
  ip -n "${prefix}br" link set "$port" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$NETNS_SUBNET.$octet/24" dev "$link"
  ip -n "$ns" link set "$link" up
}

# /etc/netns/PREFIXNAME/hosts, which ip netns exec bind-mounts over /etc/hosts inside the
# namespace: each further argument is one line, such as "198.18.0.1 seed".
netns_hosts_file() {
  local prefix=$1 name=$2
  shift 2
  netns_check_prefix "$prefix" || return 1
  mkdir -p "$NETNS_ETC/${prefix}${name}"
  {
    echo "127.0.0.1 localhost"
    printf '%s\n' "$@"
  } > "$NETNS_ETC/${prefix}${name}/hosts"
}
