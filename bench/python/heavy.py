"""The bench's `python` suite, heavy workload: 2,000 square roots per element, 20,000 elements, summed."""
import math
from multiprocessing import Pool


def heavy(x):
    s = 0.0
    for i in range(2000):
        s += math.sqrt(i + x)
    return s


if __name__ == "__main__":
    with Pool(2) as pool:
        # repr: the shortest text that reads back as the same double, as actormap prints it.
        print(repr(sum(pool.map(heavy, range(20_000)))))
