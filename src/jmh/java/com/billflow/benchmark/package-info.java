/** JMH benchmarks of Billflow's PDF and CSV writers against plain baselines; run by scripts/benchmark/jmh.sh, never by mvn verify. */
package com.billflow.benchmark;
