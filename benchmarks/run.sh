#!/usr/bin/env bash
# Runs every benchmark and ends with ONE Markdown table: every figure as a ratio to its baseline, both absolute
# values, the target where an issue sets one, and the machine (cores, JDK, load average).
#   benchmarks/run.sh                 build, then everything (about 20 minutes on 2 cores)
#   benchmarks/run.sh --quick         the same figures with fewer rounds and shorter runs (QUICK=1 too): a few minutes
#   benchmarks/run.sh SseParsing      only the JMH benchmarks matching a regexp (any JMH option can follow)
#   SKIP_BUILD=1 benchmarks/run.sh    use the jar as it is
# Results: benchmarks/target/results/ (summary.md: the table; summary.tsv its rows; jmh.json, jmh.txt, ratios.md,
# concurrency.md, many-tasks.md, many-tasks-10k.md, batch.md, batch-fresh.md: each part's own table).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/target/results"
quick="${QUICK:-0}"
if [ "${1:-}" = "--quick" ]; then
  quick=1
  shift
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$here/.." && mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$out"
summary="$out/summary.tsv"
rm -f "$summary"
harness() { java -cp "$jar" "dev.camelspark.benchmarks.$@"; }

if [ $# -gt 0 ]; then
  # only the JMH benchmarks asked for
  java -jar "$jar" -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.txt"
  harness RatioTable "$out/jmh.json" | tee "$out/ratios.md"
  exit 0
fi

if [ "$quick" = 1 ]; then
  # quick: the SSE reader's allocations (deterministic) and the stream pair; 1 warm-up and 2 measured iterations
  java -jar "$jar" -f 1 -wi 1 -i 2 -w 1s -r 1s -prof gc -rf json -rff "$out/jmh.json" 'SseParsing|StreamLatency' \
    > "$out/jmh.txt"
  harness ConcurrencyHarness --concurrency 1,16,64 --seconds 2 --rounds 2 --summary "$summary" \
    > "$out/concurrency.md"
  harness ManyTasksHarness --tasks 10000 --rounds 1 --warm-up 0 --task-millis 15000 --poll-millis 2000 \
    --summary "$summary" > "$out/many-tasks-10k.md"
  harness BatchThroughputHarness --prompts 100 --rounds 1 --summary "$summary" > "$out/batch.md"
else
  # one fork, 3 warm-up and 5 measured iterations of 2 s per benchmark (fewer measured iterations make JMH's error
  # wider: it is a 99.9% confidence interval from Student's t); -prof gc adds the bytes allocated per operation
  java -jar "$jar" -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
  harness ConcurrencyHarness --concurrency 1,16,64 --seconds 5 --rounds 3 --summary "$summary" \
    > "$out/concurrency.md"
  harness ManyTasksHarness --tasks 500 --rounds 3 --summary "$summary" > "$out/many-tasks.md"
  harness ManyTasksHarness --tasks 10000 --rounds 2 --task-millis 15000 --poll-millis 2000 \
    --summary "$summary" > "$out/many-tasks-10k.md"
  harness BatchThroughputHarness --prompts 200 --rounds 3 --summary "$summary" > "$out/batch.md"
  # the same drops written in place the moment before: the read lock's guard is waited once per drop
  harness BatchThroughputHarness --prompts 200 --rounds 1 --fresh 1 --summary "$summary" > "$out/batch-fresh.md"
fi
harness RatioTable "$out/jmh.json" > "$out/ratios.md"
harness Summary "$summary" "$out/jmh.json" | tee "$out/summary.md"
