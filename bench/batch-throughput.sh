#!/bin/sh
# The batch throughput benchmark (issue 11): generates N seeded answer sets (bench/batch-records.py), times
# `./spinecheck batch FILE.jsonl` against a CPython json.loads + json.dumps round trip of the same file, and prints
# answer sets a second, the ratio of the wall times, and the peak memory of the batch (from /usr/bin/time -v).
#
# Usage: bench/batch-throughput.sh [N] [FORMAT]     N defaults to 100000, FORMAT to json (or fhir)
# Environment: RUNS (default 3; the median is reported), SEED (default 11), KEEP=1 keeps the records file,
#   JAVA_OPTS is passed to the launcher as usual. That memory stays flat: JAVA_OPTS=-Xmx64m with N=100000, then
#   N=1000000 — the peak RSS should be the same.
# Timings are noisy when other work runs on the machine: the ratio, measured in the same run, is the figure to use.
set -eu
n=${1:-100000}
format=${2:-json}
runs=${RUNS:-3}
seed=${SEED:-11}
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/spinecheck-batch-bench.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT INT TERM
records=$work/records.jsonl
[ -x /usr/bin/time ] || { echo "batch-throughput.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

echo "generating $n answer sets (seed $seed)..." >&2
python3 "$here/batch-records.py" "$n" "$seed" > "$records"
# Build once (and make the launcher's class-data archive) before anything is timed.
"$root/spinecheck" batch "$records" > /dev/null 2>&1 || true

# One timed run: wall seconds, peak RSS in KB and CPU seconds (user + system), "SECONDS KB CPU".
timed() {
  /usr/bin/time -v -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$work/time" | awk '{ s += $1 } END { print s }')
  echo "$wall $rss $cpu"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

: > "$work/java"
: > "$work/python"
i=0
while [ "$i" -lt "$runs" ]; do
  timed "$root/spinecheck" batch --format "$format" "$records" >> "$work/java"
  timed python3 "$here/batch-roundtrip.py" "$records" >> "$work/python"
  i=$((i + 1))
done
java_wall=$(cut -d' ' -f1 "$work/java" | median)
java_rss=$(cut -d' ' -f2 "$work/java" | median)
java_cpu=$(cut -d' ' -f3 "$work/java" | median)
python_wall=$(cut -d' ' -f1 "$work/python" | median)
python_cpu=$(cut -d' ' -f3 "$work/python" | median)
summary=$(tail -n 1 "$work/stderr" 2>/dev/null || true)
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
awk -v n="$n" -v f="$format" -v jw="$java_wall" -v jr="$java_rss" -v jc="$java_cpu" -v pw="$python_wall" -v pc="$python_cpu" \
    -v runs="$runs" -v load="$load" -v opts="${JAVA_OPTS:-}" 'BEGIN {
  printf "batch --format %s, %d answer sets, median of %d runs (%s, load average %s, JAVA_OPTS=%s)\n", f, n, runs,
    strftime("%Y-%m-%d %H:%M UTC", systime(), 1), load, opts
  printf "  spinecheck batch:        %7.2f s wall  %9.0f answer sets/s  %7.2f s CPU  peak RSS %6.1f MB\n", jw, n / jw, jc, jr / 1024
  printf "  CPython loads+dumps:     %7.2f s wall                          %7.2f s CPU\n", pw, pc
  printf "  ratio batch / CPython:   %7.2f   (target <= 0.50)\n", jw / pw
}'
