import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop HTTP load driver for scripts/benchmark.sh (JDK only, run as
 * {@code java LoadClient.java NAME URL USER:PASSWORD SECONDS THREADS}). Each thread sends the GET,
 * waits for the whole body, and sends the next; the first quarter of the time warms up and is not
 * counted. Prints one tab-separated line: name, requests, errors (non-2xx), p50, p95, p99, max (ms).
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        URI uri = URI.create(args[1]);
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        double seconds = Double.parseDouble(args[3]);
        int threads = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).GET().build();
        long start = System.nanoTime();
        long warmEnd = start + (long) (seconds * 0.25e9);
        long end = start + (long) (seconds * 1e9);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    } catch (Exception e) {
                        status = 599;
                    }
                    long took = System.nanoTime() - sent;
                    if (sent >= warmEnd) {
                        latencies.add(took);
                        if (status / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s\t%d\t%d\t%s\t%s\t%s\t%s%n", name, sorted.size(), errors.get(),
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, index)) / 1e6);
    }
}
