#!/usr/bin/env bash
# Start-up benchmark: whole processes, each as a ratio to a Java hello-world jar timed in the same run.
#
#   bench/startup.sh            (from anywhere; RUNS=20 WARMUP=3 by default)
#
# Times, with hyperfine (apt-get install hyperfine): hello-world, `spinecheck --version`,
# `run --answers FILE.json --format json`, `run --answers FILE.yaml`, then `validate` and `test` of the bundled
# questionnaire; peak memory of each single run with /usr/bin/time (median of 5); and the wall time until the
# interactive screening's first question is on a terminal (bench/first-screen.py, in a pseudo-terminal).
# Prints every figure, its ratio and the issue's target. CPU is user + system of the whole process tree,
# the launcher's shell included. Environment: RUNS, WARMUP, JAVA_HOME (the Java for both sides).
set -euo pipefail
root=$(cd -P -- "$(dirname -- "$0")/.." >/dev/null && pwd)
cd "$root"
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
runs=${RUNS:-20}
warmup=${WARMUP:-3}
work=$root/target/bench
mkdir -p "$work/hello"
if [ ! -f "$work/hello.jar" ]; then
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" --release 17 -d "$work/hello" bench/hello/Hello.java
  "${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$work/hello.jar" --main-class Hello -C "$work/hello" Hello.class
fi
./spinecheck --version >/dev/null   # builds the jar and its class-data archive when they are missing
json=questionnaires/examples/harmless.json
yaml=questionnaires/examples/harmless.yaml
hello="$java -jar $work/hello.jar"

echo "== $("$java" -version 2>&1 | head -n 1); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$work/startup.json" \
  -n hello-world "$hello" \
  -n version "./spinecheck --version" \
  -n run-json "./spinecheck run --answers $json --format json" \
  -n run-yaml "./spinecheck run --answers $yaml" \
  -n validate "./spinecheck validate" \
  -n test "./spinecheck test" >/dev/null

rss() { # median peak resident memory (KiB) of 5 runs of a command
  for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; done | sort -n | sed -n 3p
}
{
  echo "hello-world $(rss $hello)"
  echo "version $(rss ./spinecheck --version)"
  echo "run-json $(rss ./spinecheck run --answers $json --format json)"
  echo "run-yaml $(rss ./spinecheck run --answers $yaml)"
} > "$work/rss.txt"

python3 bench/first-screen.py 10 hello $hello > "$work/first-hello.json"
python3 bench/first-screen.py 10 "How old are you?" ./spinecheck > "$work/first-question.json"

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
r = {x["command"]: x for x in json.load(open(f"{w}/startup.json"))["results"]}
cpu = lambda n: r[n]["user"] + r[n]["system"]
h = cpu("hello-world")
print(f"{'':28}{'wall':>9}{'CPU':>9}{'CPU ratio':>11}  target")
for name, target in [("hello-world", None), ("version", 2), ("run-json", 3), ("run-yaml", 4), ("validate", None), ("test", None)]:
    ratio = cpu(name) / h
    verdict = "" if target is None else f"<= {target}x  {'met' if ratio <= target else 'NOT MET'}"
    print(f"{name:28}{r[name]['median']*1000:7.0f}ms{cpu(name)*1000:7.0f}ms{ratio:10.2f}x  {verdict}")
rss = dict(line.split() for line in open(f"{w}/rss.txt"))
base = int(rss["hello-world"])
print(f"\npeak memory (median of 5)     {'MiB':>6}{'ratio':>8}  target")
for name in ["hello-world", "version", "run-json", "run-yaml"]:
    ratio = int(rss[name]) / base
    verdict = "" if name == "hello-world" else f"<= 1.3x  {'met' if ratio <= 1.3 else 'NOT MET'}"
    print(f"{name:28}{int(rss[name])/1024:8.1f}{ratio:8.2f}x  {verdict}")
fh = json.load(open(f"{w}/first-hello.json"))["median"]
fq = json.load(open(f"{w}/first-question.json"))["median"]
print(f"\nfirst screen in a terminal (median of 10): hello-world {fh*1000:.0f} ms, first question {fq*1000:.0f} ms,"
      f" ratio {fq/fh:.2f}x  <= 4x  {'met' if fq/fh <= 4 else 'NOT MET'}")
PY
