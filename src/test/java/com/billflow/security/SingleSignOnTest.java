package com.billflow.security;

import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.support.TestBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser session for every page: the sign-in page's session reaches /api, the mailbox (administrators
 * only) and the Camunda webapps; the webapps' own login and logout open and end that same session; the
 * sign-in form needs its CSRF token. A browser is played by an HTTP client with a cookie jar.
 */
class SingleSignOnTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageOpensOneSessionForPagesApiAndWebapps() throws Exception {
        // given
        String admin = fixtures.user(Groups.ADMIN);
        String rep = fixtures.user(Groups.SALES_REP);
        TestBrowser browser = new TestBrowser(port);

        // then: without the CSRF token the form is refused; with it the session opens
        assertThat(browser.post("/login", "username=" + admin + "&password=" + Fixtures.PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(browser.signIn(admin).headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/dashboard"));
        assertThat(browser.get("/api/me").body()).contains("\"userId\":\"" + admin + "\"").contains("cockpit")
                .contains("\"name\":\"Test " + admin + "\"");
        assertThat(browser.page("/dashboard").statusCode()).isEqualTo(200);
        assertThat(browser.page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // the webapps' own API knows the user from the same session (container-based authentication)
        assertThat(browser.get("/camunda/api/engine/engine/default/user/" + admin + "/profile").statusCode()).isEqualTo(200);

        // and a rep's session does not open the mailbox
        TestBrowser repBrowser = new TestBrowser(port);
        repBrowser.signIn(rep);
        assertThat(repBrowser.get("/api/me").body()).doesNotContain("cockpit");
        assertThat(repBrowser.page("/mailbox").statusCode()).isEqualTo(403);
    }

    @Test
    void theWebappsOwnLogoutAndLoginEndAndOpenTheOneSession() throws Exception {
        // given a user signed in once, with Tasklist open (which hands out the webapps' CSRF token)
        String billing = fixtures.user(Groups.BILLING);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(billing);
        String xsrf = xsrfCookie(browser);

        // when signing out in Tasklist, every page is signed out
        assertThat(browser.post("/camunda/api/admin/auth/user/default/logout", "", xsrf).statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.page("/dashboard").statusCode()).isEqualTo(302);

        // when signing in again in the webapps' own form: a wrong password opens nothing
        assertThat(browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + billing + "&password=wrong", xsrf).statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        Thread.sleep(3_100); // the wrong password delays this user's next login by 3 s
        HttpResponse<String> login = browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + billing + "&password=" + Fixtures.PASSWORD, xsrf);

        // then Billflow's pages and API have the same user again
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"userId\":\"" + billing + "\"");
        assertThat(browser.page("/dashboard").statusCode()).isEqualTo(200);
    }

    private String xsrfCookie(TestBrowser browser) throws Exception {
        assertThat(browser.page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last).orElseThrow().getValue();
    }
}
