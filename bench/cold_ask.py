"""One cold `rag ask` in a new process, reporting that process's own peak memory.

    python bench/cold_ask.py QUESTION  → prints the answer JSON, then a last line
    {"peak_rss_mb": ..., "seconds": ..., "since_launch_s": ...}

`since_launch_s` runs from the moment the parent launched this process (BENCH_LAUNCHED_AT,
a time.time() value) to the answer printed: interpreter start, imports, loading, answering;
not the process's teardown after it.

The peak is read from /proc/self/status (VmHWM) at exit: it belongs to this process's own
address space. getrusage(RUSAGE_CHILDREN) in the parent is no use here, because Linux carries
the parent's high-water mark into a child started by vfork/posix_spawn until it execs.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    started = time.perf_counter()
    from rag.cli import main as cli

    try:
        code = cli(["ask", "--json", sys.argv[1]])
    finally:
        launched = float(os.environ.get("BENCH_LAUNCHED_AT", "nan"))
        report = {
            "peak_rss_mb": peak_rss_mb(),
            "seconds": time.perf_counter() - started,
            "since_launch_s": time.time() - launched,
        }
        print(json.dumps(report), flush=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
