"""Run every benchmark and print its numbers (`make bench`)."""

from bench import bench_filters

if __name__ == "__main__":
    bench_filters.run(["10k", "100k", "1M"])
