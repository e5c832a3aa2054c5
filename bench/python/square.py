"""The bench's `python` suite, square workload: what `actormap map "x => x * x" --range 0..10000000 --reduce sum` does."""
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    # No chunksize: Pool.map's default (len / (4 x processes)), as a user would write it.
    with Pool(2) as pool:
        print(sum(pool.map(square, range(10_000_000))))
