#!/usr/bin/env bash
# Soak: a Seed and three WorkerNodes (real processes on 127.0.0.1) run many short jobs, each
# checked element by element, while WorkerNodes are SIGKILLed and restarted, or frozen with
# SIGSTOP/SIGCONT, at Poisson-distributed times drawn from a printed seed. Not a CI test: it runs
# for minutes. Network partitions are left out (they need network namespaces; see bench/README.md).
#
#   scripts/soak.sh [--jobs N] [--seed S] [--mean-gap SECONDS] [--logs DIR]
#
# Defaults: 300 jobs, a random seed (printed: pass it back to repeat the same jobs and faults),
# a fault every 4 s on average. --logs DIR keeps every node's log and the faults' times.
# Exits 1 if any element was lost, duplicated or wrong, or a job hung; 2 on bad flags.
# On a shared machine, wrap it like any dotnet command: flock /tmp/actormap-build.lock scripts/soak.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The bench's build also builds the Seed and WorkerNode in Release, which the soak starts.
dotnet build -c Release "$root/bench/ActorMap.Bench" -nologo -v quiet >/dev/null
exec dotnet "$root/bench/ActorMap.Bench/bin/Release/net10.0/ActorMap.Bench.dll" soak "$@"
