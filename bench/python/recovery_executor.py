"""The bench's `recovery` suite: concurrent.futures.ProcessPoolExecutor(2).map over 40 tasks of 0.25 s of CPU, chunksize 1,
optionally with one worker SIGKILLed --kill-at seconds after the map call. Prints `ok|wrong|broken SECONDS`."""
import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from recovery_work import TASKS, burn, expected, kill_a_worker_at, report

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--kill-at", type=float)
    args = parser.parse_args()
    with ProcessPoolExecutor(2) as executor:
        # The executor starts its workers on the first submit: start them before the clock does, as Pool does.
        list(executor.map(abs, range(2)))
        started = time.perf_counter()
        if args.kill_at is not None:
            kill_a_worker_at(args.kill_at, started)
        try:
            values = list(executor.map(burn, range(TASKS), chunksize=1))
            report("ok" if values == expected() else "wrong", started)
        except BrokenProcessPool:
            report("broken", started)
