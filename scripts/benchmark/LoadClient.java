import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small closed-loop HTTP load driver for scripts/benchmark.sh (JDK only), run as
 * {@code java LoadClient.java NAME URL USER:PASSWORD SECONDS THREADS [EXPECT]}.
 * <p>
 * With {@code -Dsession=form} it signs in once as a browser does (the sign-in page's form with its CSRF token, POST
 * {@code /login}) and then sends only the session cookie, no Authorization header: how the Console's pages are used.
 * Without it every request carries HTTP Basic credentials, as an API client sends them.
 * <p>
 * First one probe request: unless it answers 2xx with a body that contains {@code EXPECT} (when given),
 * the driver prints what it got on stderr and exits with status 2, so a benchmark never times a sign-in
 * page or an error. Then each of {@code THREADS} threads sends the GET (HTTP Basic, one shared cookie
 * store, so a page's session is reused as a browser would), waits for the whole body and sends the next,
 * for {@code SECONDS} seconds; the first quarter warms up and is not counted.
 * <p>
 * Prints one tab-separated line: name, requests counted, errors (non-2xx or no answer), p50, p95, p99 and
 * max latency in milliseconds (one decimal), requests per second.
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        URI uri = URI.create(args[1]);
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        double seconds = Double.parseDouble(args[3]);
        int threads = Integer.parseInt(args[4]);
        String expect = args.length > 5 ? args[5] : null;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(new CookieManager()).build();
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).header("Accept", "application/json, text/html;q=0.9")
                .timeout(Duration.ofSeconds(120)).GET();
        if ("form".equals(System.getProperty("session"))) {
            signIn(client, uri, args[2]);
        } else {
            get.header("Authorization", auth);
        }
        HttpRequest request = get.build();

        HttpResponse<String> probe = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() / 100 != 2 || (expect != null && !probe.body().contains(expect))) {
            String body = probe.body();
            System.err.printf("%s: %s answered %d without '%s': %s%n", name, uri, probe.statusCode(), expect,
                    body.substring(0, Math.min(400, body.length())).replaceAll("\\s+", " "));
            System.exit(2);
        }

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
        System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%.0f%n", name, sorted.size(), errors.get(),
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0), sorted.size() / (seconds * 0.75));
    }

    /** The sign-in page's form, as a browser sends it; the session cookie stays in the client's cookie store. */
    private static void signIn(HttpClient client, URI uri, String userAndPassword) throws Exception {
        URI login = uri.resolve("/login");
        String page = client.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + login);
        }
        int colon = userAndPassword.indexOf(':');
        String form = "username=" + URLEncoder.encode(userAndPassword.substring(0, colon), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(userAndPassword.substring(colon + 1), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + userAndPassword.substring(0, colon) + " failed: " + signedIn.statusCode() + " " + location);
        }
    }

    /** The nearest-rank quantile in milliseconds, or "-" when nothing was counted. */
    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.max(0, index)) / 1e6);
    }
}
