#!/usr/bin/env python3
"""Wall time from start until a text appears on a pseudo-terminal: the time a person waits for the first question.

    first-screen.py RUNS TEXT COMMAND...

Starts COMMAND RUNS times in a fresh pseudo-terminal (80x24, TERM=xterm-256color, a private HOME so that no
saved screening is offered), reads its screen output until TEXT appears, then ends it. Prints one line of JSON:
{"median": seconds, "runs": [...]}. A run that shows no TEXT within 20 seconds fails the whole measurement.
"""
import json
import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time


def once(text, argv, home):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.environ["XDG_CACHE_HOME"] = os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache"))
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "80", "24"
        os.execvp(argv[0], argv)
    seen = b""
    wanted = text.encode()
    deadline = start + 20
    try:
        while wanted not in seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"first-screen: '{text}' did not appear in 20 s; the screen showed: {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit(f"first-screen: the program ended before '{text}' appeared: {seen[-300:]!r}")
                seen += chunk
        return time.perf_counter() - start
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


def main():
    runs, text, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    with tempfile.TemporaryDirectory() as home:
        once(text, argv, home)  # warm-up: caches, class-data archive
        times = [once(text, argv, home) for _ in range(runs)]
    print(json.dumps({"median": statistics.median(times), "runs": times}))


if __name__ == "__main__":
    main()
