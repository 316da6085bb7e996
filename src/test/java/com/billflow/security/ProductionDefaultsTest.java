package com.billflow.security;

import com.billflow.mailbox.EmbeddedSmtpServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile (which the postgres profile brings in) is safe without further settings: no
 * demo users and so no default passwords, no embedded mailbox, no H2 console, Actuator limited to health
 * (metrics for camunda-admin), security headers on, and the first administrator is set up in Camunda
 * Admin. Runs the production settings on an in-memory H2 database of its own (its own Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:billflow-production;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Camunda's REST API and webapps find their engine by name in a JVM-wide registry: this second
        // engine must not take the name of the other tests' engine.
        "camunda.bpm.process-engine-name=production",
        // The webapps' lazy filters keep their Spring context in a static: a second webapp context would
        // take it from the other tests' context. Without them, /camunda/** answers 404 here.
        "camunda.bpm.webapp.enabled=false",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025",
        // No SMTP server runs in this test; its health would be DOWN.
        "management.health.mail.enabled=false"
})
@ActiveProfiles("production")
@DirtiesContext
class ProductionDefaultsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationContext context;

    @Test
    void productionDefaultsAreSafe() {
        // no demo users, so no demo passwords
        assertThat(identity.createUserQuery().userIdIn("demo", "rep", "billing", "office", "office-beta").count()).isZero();
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(401);

        // no embedded SMTP server and mailbox, no H2 console
        assertThat(context.getBeansOfType(EmbeddedSmtpServer.class)).isEmpty();
        assertThat(context.containsBean("h2Console")).isFalse();

        // the first administrator is created in Camunda Admin's set-up page, open while none exists
        // (the webapps are off in this test: Billflow lets the request through to them, so it ends as 404)
        ResponseEntity<String> setUp = http.getForEntity("/camunda/app/admin/default/", String.class);
        assertThat(setUp.getStatusCode().value()).as("Camunda Admin, not the sign-in page").isEqualTo(404);
        String admin = user("firstadmin", Groups.ADMIN);
        String office = user("firstoffice", Groups.OFFICE_MANAGER);
        assertThat(http.getForEntity("/camunda/app/admin/default/", String.class).getBody()).as("once an administrator exists, sign in first")
                .contains("action=\"/login\"");

        // Actuator: health for everyone without details, metrics for administrators, nothing else
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().has("components")).isFalse();
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth(office, "Pa55-word").getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(admin, "Pa55-word").getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(200);
        for (String endpoint : new String[]{"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"}) {
            assertThat(http.withBasicAuth(admin, "Pa55-word").getForEntity(endpoint, String.class).getStatusCode().value()).as(endpoint).isIn(403, 404);
        }

        // security headers, and behind an HTTPS proxy a Secure, HttpOnly, SameSite session cookie and HSTS
        HttpHeaders proxied = new HttpHeaders();
        proxied.set("X-Forwarded-Proto", "https");
        ResponseEntity<String> signIn = http.exchange("/login", HttpMethod.GET, new HttpEntity<>(proxied), String.class);
        HttpHeaders headers = signIn.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=");
        assertThat(headers.get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    private String user(String id, String group) {
        User user = identity.newUser(id);
        user.setPassword("Pa55-word");
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }
}
