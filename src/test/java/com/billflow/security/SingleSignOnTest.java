package com.billflow.security;

import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

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
 * One browser session for every page: the sign-in page's session reaches /api, the mailbox (administrators
 * only) and the Camunda webapps; the webapps' own login and logout open and end that same session; the
 * sign-in form needs its CSRF token. A browser is played by an HTTP client with a cookie jar.
 */
class SingleSignOnTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theSignInPageOpensOneSessionForPagesApiAndWebapps() throws Exception {
        // given
        String admin = fixtures.user(Groups.ADMIN);
        String rep = fixtures.user(Groups.SALES_REP);
        HttpClient browser = browser();

        // then: without the CSRF token the form is refused; with it the session opens
        assertThat(post(browser, "/login", "username=" + admin + "&password=" + Fixtures.PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(signIn(browser, admin).headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/dashboard"));
        assertThat(get(browser, "/api/me").body()).contains("\"userId\":\"" + admin + "\"").contains("cockpit")
                .contains("\"name\":\"Test " + admin + "\"");
        assertThat(page(browser, "/dashboard").statusCode()).isEqualTo(200);
        assertThat(page(browser, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // the webapps' own API knows the user from the same session (container-based authentication)
        assertThat(get(browser, "/camunda/api/engine/engine/default/user/" + admin + "/profile").statusCode()).isEqualTo(200);

        // and a rep's session does not open the mailbox
        HttpClient repBrowser = browser();
        signIn(repBrowser, rep);
        assertThat(get(repBrowser, "/api/me").body()).doesNotContain("cockpit");
        assertThat(page(repBrowser, "/mailbox").statusCode()).isEqualTo(403);
    }

    @Test
    void theWebappsOwnLogoutAndLoginEndAndOpenTheOneSession() throws Exception {
        // given a user signed in once, with Tasklist open (which hands out the webapps' CSRF token)
        String billing = fixtures.user(Groups.BILLING);
        HttpClient browser = browser();
        signIn(browser, billing);
        String xsrf = xsrfCookie(browser);

        // when signing out in Tasklist, every page is signed out
        assertThat(post(browser, "/camunda/api/admin/auth/user/default/logout", "", xsrf).statusCode()).isEqualTo(200);
        assertThat(get(browser, "/api/me").statusCode()).isEqualTo(401);
        assertThat(page(browser, "/dashboard").statusCode()).isEqualTo(302);

        // when signing in again in the webapps' own form: a wrong password opens nothing
        assertThat(post(browser, "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + billing + "&password=wrong", xsrf).statusCode()).isEqualTo(401);
        assertThat(get(browser, "/api/me").statusCode()).isEqualTo(401);
        Thread.sleep(3_100); // the wrong password delays this user's next login by 3 s
        HttpResponse<String> login = post(browser, "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + billing + "&password=" + Fixtures.PASSWORD, xsrf);

        // then Billflow's pages and API have the same user again
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(get(browser, "/api/me").body()).contains("\"userId\":\"" + billing + "\"");
        assertThat(page(browser, "/dashboard").statusCode()).isEqualTo(200);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> signIn(HttpClient browser, String user) throws Exception {
        Matcher token = CSRF.matcher(page(browser, "/login").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> response = post(browser, "/login", "username=" + user + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    private String xsrfCookie(HttpClient browser) throws Exception {
        assertThat(page(browser, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last).orElseThrow().getValue();
    }

    /** A page as the browser opens it. */
    private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call of the page's script. */
    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form, String xsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
