package com.billflow.common;

import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import com.billflow.support.TestBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Console's pages write their links as they are: no resource-chain filter rewrites them (it looked each
 * link up in the fat jar's static locations on every render, which made the Console lists 15-40 times slower than
 * /api/me, issue 11; see {@link ResourceLinkConfiguration}). The web jars still load by their version-less path.
 */
class ConsolePageLinksTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void pageLinksAreWrittenAsTheyAreAndTheWebJarsStillLoad() throws Exception {
        // given
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(fixtures.user(Groups.BILLING));

        // when
        HttpResponse<String> page = browser.page("/console/cases");

        // then the stylesheet keeps its version-less path (the filter rewrote it to /webjars/picocss__pico/2.1.1/...)
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/webjars/picocss__pico/css/pico.min.css\"")
                .contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"");
        HttpResponse<String> stylesheet = browser.page("/webjars/picocss__pico/css/pico.min.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(browser.page("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }
}
