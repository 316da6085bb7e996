package com.billflow.benchmark;

import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Runs each Billflow benchmark and its baseline in alternating order, round after round
 * (A B, then B A, ...), so that a machine whose load changes over minutes affects both alike, and
 * writes {@code jmh.json} (every run, JMH's JSON) and {@code jmh.md} (a table: mean score and its
 * 99.9 % error over every measured iteration of every round, and the median over the rounds of
 * the ratio Billflow / baseline, with its lowest and highest round, by throughput and by CPU time
 * per operation, see {@link CpuTimeProfiler}). Settings are environment
 * variables, set by {@code scripts/benchmark/jmh.sh}: {@code JMH_ROUNDS}, {@code JMH_FORKS},
 * {@code JMH_WARMUP} and {@code JMH_ITERATIONS} (iterations per fork), {@code JMH_TIME} (seconds per
 * iteration), {@code JMH_INCLUDE} (a regex on the pair names below), {@code JMH_PROF} (a JMH
 * profiler, e.g. {@code gc}), {@code JMH_JVM_ARGS} and {@code JMH_OUT} (the output folder).
 */
public final class JmhRounds {

    /** A Billflow benchmark method and its baseline in the same class; the ratio is billflow / baseline. */
    private record Pair(String name, Class<?> benchmark, String billflow, String baseline) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("pdf", InvoicePdfBenchmark.class, "billflow", "plainOpenPdf"),
            new Pair("csv", AccountingCsvBenchmark.class, "billflow", "plainWriter"));

    private JmhRounds() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int rounds = intEnv("JMH_ROUNDS", 2);
        Path out = Path.of(env("JMH_OUT", "target/benchmark"));
        Files.createDirectories(out);
        Pattern include = Pattern.compile(env("JMH_INCLUDE", ".*"));

        List<RunResult> all = new ArrayList<>();
        // key: "Class.method params" -> the results of each round, in round order
        Map<String, List<RunResult>> byBenchmark = new TreeMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Pair pair : PAIRS) {
                if (!include.matcher(pair.name()).find()) {
                    continue;
                }
                List<String> order = round % 2 == 1 ? List.of(pair.billflow(), pair.baseline())
                        : List.of(pair.baseline(), pair.billflow());
                for (String method : order) {
                    System.out.printf("%n# Round %d of %d: %s.%s%n", round, rounds, pair.benchmark().getSimpleName(), method);
                    for (RunResult result : run(pair.benchmark(), method)) {
                        all.add(result);
                        byBenchmark.computeIfAbsent(key(result), k -> new ArrayList<>()).add(result);
                    }
                }
            }
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, out.resolve("jmh.json").toString()).writeOut(all);
        String table = markdown(byBenchmark, rounds);
        Files.writeString(out.resolve("jmh.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static Collection<RunResult> run(Class<?> benchmark, String method) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(intEnv("JMH_FORKS", 1))
                .warmupIterations(intEnv("JMH_WARMUP", 3))
                .warmupTime(TimeValue.seconds(intEnv("JMH_TIME", 2)))
                .measurementIterations(intEnv("JMH_ITERATIONS", 5))
                .measurementTime(TimeValue.seconds(intEnv("JMH_TIME", 2)))
                .addProfiler(CpuTimeProfiler.class);
        String jvmArgs = env("JMH_JVM_ARGS", "-Xms1g -Xmx1g");
        if (!jvmArgs.isBlank()) {
            options.jvmArgsAppend(jvmArgs.trim().split("\\s+"));
        }
        String profiler = env("JMH_PROF", "");
        if (!profiler.isBlank()) {
            options.addProfiler(profiler);
        }
        return new Runner(options.build()).run();
    }

    private static String markdown(Map<String, List<RunResult>> byBenchmark, int rounds) {
        StringBuilder md = new StringBuilder();
        String ofRounds = "median of " + rounds + (rounds == 1 ? " round" : " rounds") + ", min-max";
        md.append("| benchmark | params | score | error (99.9 %) | unit | ratio to baseline (").append(ofRounds)
                .append(") | CPU ms/op | ratio by CPU time (").append(ofRounds).append(") | alloc B/op |\n");
        md.append("|---|---|---:|---:|---|---|---:|---|---:|\n");
        for (Map.Entry<String, List<RunResult>> entry : byBenchmark.entrySet()) {
            List<RunResult> results = entry.getValue();
            RunResult first = results.get(0);
            ListStatistics iterations = new ListStatistics();
            for (RunResult result : results) {
                result.getBenchmarkResults().forEach(benchmark -> {
                    for (IterationResult iteration : benchmark.getIterationResults()) {
                        iterations.addValue(iteration.getPrimaryResult().getScore());
                    }
                });
            }
            String method = first.getParams().getBenchmark();
            String shortName = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
            double error = iterations.getN() > 2 ? iterations.getMeanErrorAt(0.999) : Double.NaN;
            md.append("| ").append(shortName)
                    .append(" | ").append(params(first))
                    .append(" | ").append(format(iterations.getMean()))
                    .append(" | ").append(Double.isNaN(error) ? "" : "± " + format(error))
                    .append(" | ").append(first.getPrimaryResult().getScoreUnit())
                    .append(" | ").append(ratio(entry.getKey(), byBenchmark, JmhRounds::throughput))
                    .append(" | ").append(secondary(results, CpuTimeProfiler.NAME))
                    .append(" | ").append(ratio(entry.getKey(), byBenchmark, JmhRounds::inverseCpuTime))
                    .append(" | ").append(secondary(results, "gc.alloc.rate.norm"))
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * For a Billflow benchmark: the median, lowest and highest per-round ratio of {@code speed} to its
     * baseline's (above 1: Billflow is faster).
     */
    private static String ratio(String key, Map<String, List<RunResult>> byBenchmark, ToDoubleFunction<RunResult> speed) {
        for (Pair pair : PAIRS) {
            String billflowPrefix = pair.benchmark().getName() + "." + pair.billflow() + " ";
            String baselinePrefix = pair.benchmark().getName() + "." + pair.baseline() + " ";
            if (key.startsWith(baselinePrefix)) {
                return "baseline";
            }
            if (!key.startsWith(billflowPrefix)) {
                continue;
            }
            List<RunResult> billflow = byBenchmark.get(key);
            List<RunResult> baseline = byBenchmark.get(baselinePrefix + key.substring(billflowPrefix.length()));
            if (baseline == null) {
                return "";
            }
            ListStatistics ratios = new ListStatistics();
            for (int i = 0; i < Math.min(billflow.size(), baseline.size()); i++) {
                ratios.addValue(speed.applyAsDouble(billflow.get(i)) / speed.applyAsDouble(baseline.get(i)));
            }
            return String.format(Locale.ROOT, "**%.2f** (%.2f-%.2f)", ratios.getPercentile(50), ratios.getMin(), ratios.getMax());
        }
        return "";
    }

    private static double throughput(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static double inverseCpuTime(RunResult result) {
        Result<?> cpu = result.getSecondaryResults().get(CpuTimeProfiler.NAME);
        return cpu == null ? Double.NaN : 1 / cpu.getScore();
    }

    /** The mean over the rounds of a secondary result (a profiler's), or empty without it. */
    private static String secondary(List<RunResult> results, String name) {
        ListStatistics values = new ListStatistics();
        for (RunResult result : results) {
            Result<?> value = result.getSecondaryResults().get(name);
            if (value != null) {
                values.addValue(value.getScore());
            }
        }
        return values.getN() == 0 ? "" : format(values.getMean());
    }

    private static String key(RunResult result) {
        return result.getParams().getBenchmark() + " " + params(result);
    }

    private static String params(RunResult result) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : result.getParams().getParamsKeys()) {
            params.put(name, result.getParams().getParam(name));
        }
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        return text.toString();
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}
