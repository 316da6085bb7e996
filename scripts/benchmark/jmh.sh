#!/usr/bin/env bash
# The in-process benchmarks of issue 11 (JMH; not part of `mvn verify` or CI): Billflow's invoice PDF against the
# same page in plain OpenPDF, and the accounting CSV rows against a plain writer of the same bytes
# (src/jmh/java/com/billflow/benchmark). Each pair runs A B, then B A, round after round; the ratio is Billflow's
# throughput over the baseline's, the median over the rounds.
#
#   scripts/benchmark/jmh.sh                       # about 5 minutes; writes target/benchmark/jmh.json and jmh.md
#   JMH_ROUNDS=4 JMH_INCLUDE=pdf JMH_PROF=gc scripts/benchmark/jmh.sh
#
# Settings (environment): JMH_ROUNDS (2), JMH_FORKS (1 per benchmark and round), JMH_WARMUP (3) and JMH_ITERATIONS (5)
# iterations of JMH_TIME (2) seconds, JMH_INCLUDE (regex on the pair names: pdf, csv), JMH_PROF (a JMH profiler: gc,
# stack, ...), JMH_JVM_ARGS (-Xms1g -Xmx1g), JMH_OUT (target/benchmark), MVN (the Maven command, "mvn -B").
# Defaults: 2 rounds x 8 benchmarks x (16 s measured + JVM start) = about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${JMH_OUT:-target/benchmark}
export JMH_OUT=$OUT
MVN=${MVN:-mvn -B}
mkdir -p "$OUT"

# The benchmarks compile as test sources of the jmh profile; the classpath file lists every test-scope jar.
$MVN -q -Pjmh test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/jmh.classpath" -Dmdep.includeScope=test
echo "load before: $(cat /proc/loadavg 2>/dev/null || echo n/a)"
java -cp "target/test-classes:target/classes:$(cat "$OUT/jmh.classpath")" com.billflow.benchmark.JmhRounds
echo "load after: $(cat /proc/loadavg 2>/dev/null || echo n/a)"
echo "Written: $OUT/jmh.json, $OUT/jmh.md"
