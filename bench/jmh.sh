#!/usr/bin/env bash
# JMH benchmarks of the inner loops (bench/jmh): screening one answer file (YAML, JSON, whole path, emergency
# stop), writing a JSON result, loading the bundled questionnaire.
#
#   bench/jmh.sh [JMH OPTIONS]       e.g. bench/jmh.sh Screening -f 1 -wi 2 -i 3   (-h for JMH's options)
#
# Builds the product's jar if needed (./spinecheck --version), then the benchmarks with the Maven Wrapper.
set -euo pipefail
root=$(cd -P -- "$(dirname -- "$0")/.." >/dev/null && pwd)
cd "$root"
./spinecheck --version >/dev/null
./mvnw -q -B -f bench/jmh/pom.xml package
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -cp "bench/jmh/target/spinecheck-benchmarks-0.1.0.jar:target/spinecheck.jar:$(cat bench/jmh/target/classpath.txt)" \
  org.openjdk.jmh.Main "$@"
