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
 * The whole surgical case lifecycle as clients drive it, closed loop (JDK only, run by scripts/benchmark/lifecycle.sh as
 * {@code java LifecycleClient.java BASE_URL REP:PASSWORD BILLING:PASSWORD FACILITY SECONDS THREADS [billflow|billflow-poll|noop]}).
 * <p>
 * {@code billflow} (the default): each thread submits a case (the rep), enters its PO (billing), waits until the
 * engine's job has generated the invoice, sends it by email (billing; the mail goes out in another job), waits until it
 * is mailed, then records invoice and commission as paid, and starts the next. It waits as Billflow's API offers: a
 * conditional GET of the case (If-None-Match with its last ETag) with {@code Prefer: wait=10}, answered when the case
 * changes. {@code billflow-poll}: the same, but it waits by asking for the case every 5 ms, as the baseline must.
 * <p>
 * {@code noop}: the baseline, the same lifecycle over {@code /engine-rest} against scripts/benchmark/noop/
 * NoopSurgicalCaseBillingProcess.bpmn (same shape, service steps that do nothing): the rep starts an instance with the
 * variables Billflow starts with (caseId, caseNumber, rep, poAllManufacturers, poByManufacturer as JSON); billing
 * completes Add Purchase Order with the same two PO variables, waits for Send Invoice (behind the same async job as
 * the invoice), completes it with sendInvoiceBy=EMAIL and the mail as a transient variable, waits for the two payment
 * tasks (behind the mail's async job) and completes Mark Commission Paid (commissionAmount) and Mark Invoice Paid
 * (no variables, Billflow's defaults). Same users, Basic authentication, threads, 5 ms polling and closed loop.
 * Calls per case: Billflow 4 + polls; the baseline 6 + polls, since /engine-rest needs the task id (one lookup for Add
 * Purchase Order; the polls return the later tasks) and completes one task per call (two for the payments): this
 * errs in Billflow's favour by two small requests per case.
 * <p>
 * The first quarter of the time warms up and is not counted. Prints one tab-separated line: cases counted, errors,
 * cases per second, p50 and p95 of one lifecycle (ms), and cases completed in the whole run (warm-up and the cases
 * finished after the end included; for CPU per case).
 */
public class LifecycleClient {

    /** Whether Billflow's waits use the case's conditional GET with {@code Prefer: wait} (mode billflow) or 5 ms polls. */
    private static boolean WAIT;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String rep = auth(args[1]);
        String billing = auth(args[2]);
        String facility = args[3];
        double seconds = Double.parseDouble(args[4]);
        int threads = Integer.parseInt(args[5]);
        boolean noop = args.length > 6 && args[6].equals("noop");
        WAIT = !(args.length > 6 && args[6].equals("billflow-poll"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long warmUpEnd = start + (long) (seconds * 0.25e9);
        long end = start + (long) (seconds * 1e9);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
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
                        if (noop) {
                            noopCase(client, base, rep, billing, began);
                        } else {
                            billflowCase(client, base, rep, billing, submit, began);
                        }
                        completed.incrementAndGet();
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
        System.out.printf("%d\t%d\t%.2f\t%s\t%s\t%d%n", sorted.size(), errors.get(), sorted.size() / counted, ms(sorted, 0.50),
                ms(sorted, 0.95), completed.get());
    }

    /** One case through Billflow's /api: 4 calls and the polls. */
    private static void billflowCase(HttpClient client, String base, String rep, String billing, String submit, long began) throws Exception {
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
    }

    private static final AtomicInteger NOOP_CASES = new AtomicInteger();
    private static final String NOOP_RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String PO_ROWS = "[{\\\"manufacturer\\\":\\\"Zimmer Biomet\\\",\\\"poNumber\\\":\\\"\\\"},"
            + "{\\\"manufacturer\\\":\\\"Stryker\\\",\\\"poNumber\\\":\\\"\\\"}]";

    /** One case of the no-op baseline through /engine-rest: 6 calls and the polls (see the class comment). */
    private static void noopCase(HttpClient client, String base, String rep, String billing, long began) throws Exception {
        String rest = base + "/engine-rest";
        int n = NOOP_CASES.incrementAndGet();
        String caseNumber = "NOOP-" + NOOP_RUN + "-" + n;
        String started = send(client, "POST", rest + "/process-definition/key/NoopSurgicalCaseBillingProcess/start", rep, """
                {"businessKey":"%s","variables":{"caseId":{"value":%d,"type":"Long"},"caseNumber":{"value":"%s","type":"String"},
                 "rep":{"value":"%s","type":"String"},"poAllManufacturers":{"value":"","type":"String"},
                 "poByManufacturer":{"value":"%s","type":"Json"}}}""".formatted(caseNumber, n, caseNumber, user(rep), PO_ROWS));
        Matcher id = INSTANCE_ID.matcher(started);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + started);
        }
        String tasks = rest + "/task?processInstanceId=" + id.group(1);
        String addPo = taskIds(send(client, "GET", tasks + "&taskDefinitionKey=Task_AddPurchaseOrder", billing, null)).get(0);
        send(client, "POST", rest + "/task/" + addPo + "/complete", billing, """
                {"variables":{"poAllManufacturers":{"value":"PO-BENCH","type":"String"},"poByManufacturer":{"value":"%s","type":"Json"}}}"""
                .formatted(PO_ROWS)); // as Billflow's PUT with allManufacturers: rows with empty POs
        String sendInvoice = awaitTasks(client, tasks + "&taskDefinitionKey=Task_SendInvoice", billing, 1, began).get(0);
        send(client, "POST", rest + "/task/" + sendInvoice + "/complete", billing, """
                {"variables":{"sendInvoiceBy":{"value":"EMAIL","type":"String"},"invoiceMail":{"value":"{\\"to\\":\\"ap@x.test\\"}",
                 "type":"Json","valueInfo":{"transient":true}}}}""");
        List<String> payments = awaitTasks(client, tasks + "&sortBy=name&sortOrder=asc", billing, 2, began);
        // sorted by name: Mark Commission Paid, then Mark Invoice Paid (Billflow records the commission first too)
        send(client, "POST", rest + "/task/" + payments.get(0) + "/complete", billing,
                "{\"variables\":{\"commissionAmount\":{\"value\":\"120.00\",\"type\":\"String\"}}}");
        send(client, "POST", rest + "/task/" + payments.get(1) + "/complete", billing, "{\"variables\":{}}");
    }

    private static final Pattern INSTANCE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** Polls the task query every 5 ms until it returns {@code count} tasks; their ids in the query's order. */
    private static List<String> awaitTasks(HttpClient client, String query, String auth, int count, long began) throws Exception {
        while (true) {
            List<String> ids = taskIds(send(client, "GET", query, auth, null));
            if (ids.size() >= count) {
                return ids;
            }
            if (System.nanoTime() - began > 60e9) {
                throw new IllegalStateException(count + " tasks not there within 60 s: " + query);
            }
            Thread.sleep(5);
        }
    }

    /** The task ids in a task list: the "id" that opens each task object. */
    private static List<String> taskIds(String json) {
        List<String> ids = new ArrayList<>();
        Matcher id = TASK_ID.matcher(json);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    private static final Pattern TASK_ID = Pattern.compile("\\{\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static String user(String basicAuth) {
        String decoded = new String(Base64.getDecoder().decode(basicAuth.substring("Basic ".length())), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    /**
     * Waits until the case's {@code field} has a value (set by one of the engine's jobs): with {@code wait}, by
     * conditional GETs that wait for a change (If-None-Match with the last ETag, {@code Prefer: wait=10}); without, by
     * asking every 5 ms.
     */
    private static void await(HttpClient client, String caseUrl, String auth, String field, long began) throws Exception {
        Pattern set = Pattern.compile("\"" + field + "\"\\s*:\\s*\"");
        String etag = null;
        while (true) {
            HttpResponse<String> response = get(client, caseUrl, auth, WAIT && etag != null ? etag : null);
            if (response.statusCode() == 200) {
                if (set.matcher(response.body()).find()) {
                    return;
                }
                etag = response.headers().firstValue("ETag").orElse(null);
            } else if (response.statusCode() != 304) {
                throw new IllegalStateException("GET " + caseUrl + " answered " + response.statusCode() + ": " + response.body());
            }
            if (System.nanoTime() - began > 60e9) {
                throw new IllegalStateException(field + " not set within 60 s: " + caseUrl);
            }
            if (!WAIT) {
                Thread.sleep(5);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url, String auth, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = request(url, auth).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch).header("Prefer", "wait=10");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String send(HttpClient client, String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder request = request(url, auth);
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

    /** A request for JSON as {@code auth}, given up after 60 s. */
    private static HttpRequest.Builder request(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    private static String auth(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? "-" : String.format("%.0f", sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6);
    }
}
