#!/usr/bin/env bash
# Runs every benchmark with modest settings (about ten minutes on 2 cores) and prints the ratio tables.
#   benchmarks/run.sh                 build, then run everything
#   benchmarks/run.sh SseParsing      only the JMH benchmarks matching a regexp (any JMH option can follow)
#   SKIP_BUILD=1 benchmarks/run.sh    use the jar as it is
# Results: benchmarks/target/results/ (jmh.json, jmh.txt, ratios.md, many-tasks.md, batch.md, batch-fresh.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/target/results"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$here/.." && mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$out"

# one fork, 3 warm-up and 5 measured iterations of 2 s per benchmark (fewer measured iterations make JMH's error
# wider: it is a 99.9% confidence interval from Student's t); -prof gc adds the bytes allocated per operation
java -jar "$jar" -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.txt"
echo "JMH pairs (score ± JMH's 99.9% error; ratio < 1: ours is faster or allocates less)"
java -cp "$jar" dev.camelspark.benchmarks.RatioTable "$out/jmh.json" | tee "$out/ratios.md"

if [ $# -eq 0 ]; then
  java -cp "$jar" dev.camelspark.benchmarks.ManyTasksHarness --tasks 500 --rounds 3 | tee "$out/many-tasks.md"
  java -cp "$jar" dev.camelspark.benchmarks.BatchThroughputHarness --prompts 200 --rounds 3 | tee "$out/batch.md"
  # the same drops written in place the moment before: the read lock's guard is waited once per drop
  java -cp "$jar" dev.camelspark.benchmarks.BatchThroughputHarness --prompts 200 --rounds 1 --fresh 1 \
    | tee "$out/batch-fresh.md"
fi
