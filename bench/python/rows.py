"""The bench's `python` suite, rows workload: per row of a JSON file, how many values lie in [4, 8]; summed."""
import json
import sys
from multiprocessing import Pool


def in_range(row):
    return sum(1 for v in row if 4 <= v <= 8)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = json.load(f)
    with Pool(2) as pool:
        print(sum(pool.map(in_range, rows)))
