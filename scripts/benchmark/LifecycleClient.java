import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole surgical case lifecycle as clients drive it, closed loop (JDK only, run by scripts/benchmark.sh as
 * {@code java LifecycleClient.java BASE_URL REP:PASSWORD BILLING:PASSWORD FACILITY SECONDS THREADS}): each thread
 * submits a case (the rep), enters its PO (billing), waits until the engine's job has generated the invoice, sends
 * it by email (billing; the mail goes out in another job), waits until it is mailed, then records invoice and
 * commission as paid, and starts the next. The first quarter of the time warms up and is not counted.
 * Prints one tab-separated line: cases completed, errors, cases per second, p50 and p95 of one lifecycle (ms).
 */
public class LifecycleClient {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String rep = auth(args[1]);
        String billing = auth(args[2]);
        String facility = args[3];
        double seconds = Double.parseDouble(args[4]);
        int threads = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long warmUpEnd = start + (long) (seconds * 0.25e9);
        long end = start + (long) (seconds * 1e9);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        String submit = """
                {"facilityCode":"%s","surgeon":"Dr. Bench","procedure":"Total knee arthroplasty","procedureDate":"%s",
                 "patientRef":"PT-1","lines":[{"manufacturer":"Zimmer Biomet","partNumber":"ZB-1","description":"Femoral component",
                 "quantity":1,"unitPrice":4200.00},{"manufacturer":"Stryker","partNumber":"ST-2","description":"Tibial insert",
                 "quantity":1,"unitPrice":1800.00}]}""".formatted(facility, LocalDate.now().minusDays(2));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    try {
                        String created = send(client, "POST", base + "/api/surgical-cases", rep, submit);
                        Matcher id = ID.matcher(created);
                        if (!id.find()) {
                            throw new IllegalStateException("no id in " + created);
                        }
                        String caseUrl = base + "/api/surgical-cases/" + id.group(1);
                        send(client, "PUT", caseUrl + "/purchase-orders", billing, "{\"allManufacturers\":\"PO-BENCH\"}");
                        await(client, caseUrl, billing, "invoiceNumber", began);
                        // the invoice's task may be a moment behind its number: asked again on 409
                        while (true) {
                            try {
                                send(client, "POST", caseUrl + "/invoice/email", billing, "{}");
                                break;
                            } catch (IllegalStateException notYet) {
                                if (!notYet.getMessage().contains(" 409:") || System.nanoTime() - began > 60e9) {
                                    throw notYet;
                                }
                                Thread.sleep(5);
                            }
                        }
                        await(client, caseUrl, billing, "invoiceSentAt", began);
                        send(client, "POST", caseUrl + "/paid", billing, "{\"commission\":{\"amount\":120.00}}");
                        if (began > warmUpEnd && System.nanoTime() < end) {
                            latencies.add(System.nanoTime() - began);
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(e.getMessage());
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
        double counted = seconds * 0.75;
        System.out.printf("%d\t%d\t%.2f\t%s\t%s%n", sorted.size(), errors.get(), sorted.size() / counted, ms(sorted, 0.50), ms(sorted, 0.95));
    }

    /** Polls the case every 5 ms until {@code field} has a value (set by one of the engine's jobs). */
    private static void await(HttpClient client, String caseUrl, String auth, String field, long began) throws Exception {
        Pattern set = Pattern.compile("\"" + field + "\"\\s*:\\s*\"");
        while (!set.matcher(send(client, "GET", caseUrl, auth, null)).find()) {
            if (System.nanoTime() - began > 60e9) {
                throw new IllegalStateException(field + " not set within 60 s: " + caseUrl);
            }
            Thread.sleep(5);
        }
    }

    private static String send(HttpClient client, String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String auth(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? "-" : String.format("%.0f", sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6);
    }
}
