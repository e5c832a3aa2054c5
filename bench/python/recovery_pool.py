"""The bench's `recovery` suite: multiprocessing.Pool(2).map over 40 tasks of 0.25 s of CPU, chunksize 1 (40 chunks),
optionally with one worker SIGKILLed --kill-at seconds after the map call. Prints `ok|wrong|timeout SECONDS`."""
import argparse
import multiprocessing
import time
from multiprocessing import Pool

from recovery_work import TASKS, burn, expected, kill_a_worker_at, report

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--kill-at", type=float)
    parser.add_argument("--timeout", type=float, default=15.0)
    args = parser.parse_args()
    with Pool(2) as pool:
        started = time.perf_counter()
        if args.kill_at is not None:
            kill_a_worker_at(args.kill_at, started)
        # map_async(...).get() is what Pool.map does, with a timeout added: a lost task never comes back.
        pending = pool.map_async(burn, range(TASKS), chunksize=1)
        try:
            values = pending.get(timeout=args.timeout)
            report("ok" if values == expected() else "wrong", started)
        except multiprocessing.TimeoutError:
            report("timeout", started)
