#!/usr/bin/env python3
"""The CPython yardstick of the batch benchmark: json.loads then json.dumps of every line of a JSON Lines file."""
import json
import sys

out = sys.stdout
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for line in f:
        if line.strip():
            try:
                out.write(json.dumps(json.loads(line)))
            except ValueError:
                out.write('{"error":"not JSON"}')
            out.write("\n")
