"""Shared by the bench's `recovery` scripts: the job (40 tasks of 0.25 s of CPU each) and a worker's SIGKILL at a set time."""
import multiprocessing
import os
import signal
import threading
import time

TASKS = 40
CPU_SECONDS = 0.25


def burn(x):
    # process_time is this worker process's own CPU time: 0.25 s of it, however busy the machine.
    start = time.process_time()
    while time.process_time() - start < CPU_SECONDS:
        pass
    return x * x


def expected():
    return [x * x for x in range(TASKS)]


def kill_a_worker_at(seconds, started):
    """SIGKILLs one worker process `seconds` after `started` (a perf_counter reading); returns the started timer."""
    def kill():
        # The pool's workers are this process's multiprocessing children; the lowest pid is the first started.
        victim = min(child.pid for child in multiprocessing.active_children())
        os.kill(victim, signal.SIGKILL)
    timer = threading.Timer(max(0.0, started + seconds - time.perf_counter()), kill)
    timer.daemon = True
    timer.start()
    return timer


def report(outcome, started):
    """One line for the bench: OUTCOME SECONDS, seconds from the map call to the outcome."""
    print(f"{outcome} {time.perf_counter() - started:.3f}", flush=True)
