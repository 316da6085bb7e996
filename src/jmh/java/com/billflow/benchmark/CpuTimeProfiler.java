package com.billflow.benchmark;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * Adds {@value #NAME} to every benchmark: the CPU time of the benchmark's JVM (its thread, the
 * garbage collector, the JIT) over an iteration, in milliseconds per operation. On a machine that
 * other processes keep busy, throughput measures the share of the CPU the benchmark got as much
 * as the code; CPU time per operation is much less sensitive to that, so {@link JmhRounds} reports
 * the ratio of both.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    static final String NAME = "cpu.time.per.op";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation (ms/op)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - cpuAtStart;
        long operations = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult(NAME, cpuNanos / 1e6 / operations, "ms/op", AggregationPolicy.AVG));
    }
}
