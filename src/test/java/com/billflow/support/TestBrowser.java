package com.billflow.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser played by an HTTP client with a cookie jar, against the test's server on {@code localhost:port}:
 * it signs in through the sign-in form (with its CSRF token), opens pages (Accept text/html) and calls the
 * pages' scripts' endpoints (Accept application/json). Redirects are not followed, so tests see them.
 */
public final class TestBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public TestBrowser(int port) {
        this.port = port;
    }

    /** The cookie jar, e.g. to read the webapps' XSRF-TOKEN. */
    public CookieManager cookies() {
        return (CookieManager) client.cookieHandler().orElseThrow();
    }

    /** Signs {@code user} in with {@link Fixtures#PASSWORD} through the sign-in form; asserts the 302 and returns it. */
    public HttpResponse<String> signIn(String user) throws Exception {
        Matcher token = CSRF.matcher(page("/login").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> response = post("/login", "username=" + user + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    /** A page as the browser opens it. */
    public HttpResponse<String> page(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call of the page's script. */
    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post ({@code application/x-www-form-urlencoded}), with the webapps' {@code X-XSRF-TOKEN} header when {@code xsrf} is given. */
    public HttpResponse<String> post(String path, String form, String xsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
