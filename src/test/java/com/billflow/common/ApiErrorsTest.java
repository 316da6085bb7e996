package com.billflow.common;

import com.billflow.directory.Client;
import com.billflow.directory.Facility;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.support.RawHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each input of issue 7 §4 that once answered 500, with its right answer (SPEC §7): a 4xx whose
 * body is exactly {"error", "message"}, the message naming what to fix. Sent over a raw socket so
 * that the bytes are exactly the ones a broken or hostile client sends.
 */
class ApiErrorsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    RawHttp http;
    String admin;
    Facility facility;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        admin = RawHttp.basic(fixtures.user(Groups.ADMIN, Groups.BILLING, Groups.OFFICE_MANAGER, Groups.SALES_REP), Fixtures.PASSWORD);
        facility = fixtures.facility(false);
    }

    private RawHttp.Answer postJson(String path, String body) {
        return http.send("POST", path, body, "Authorization", admin, "Content-Type", "application/json");
    }

    private String caseJson(Map<String, Object> changes) {
        ObjectNode body = json.createObjectNode()
                .put("facilityCode", facility.getCode()).put("surgeon", "Dr. Test").put("procedure", "Knee")
                .put("procedureDate", "2026-03-01").put("rep", "nobody").put("patientRef", "PT-1").put("currency", "USD");
        body.putArray("lines").addObject().put("manufacturer", "Acme").put("partNumber", "P-1").put("description", "Stem")
                .put("quantity", 1).put("unitPrice", 10);
        changes.forEach((field, value) -> body.set(field, json.valueToTree(value)));
        return body.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*", "no media type", ";;"})
    void aContentTypeThatIsNoOneMediaTypeIs415(String contentType) {
        http.send("POST", "/api/surgical-cases", "{}", "Authorization", admin, "Content-Type", contentType)
                .assertContract(415, "application/json");
    }

    @Test
    void nulInACodeIs400NamingTheField() {
        postJson("/api/surgical-cases", caseJson(Map.of()).replace(facility.getCode(), "a\\u0000b"))
                .assertContract(400, "facilityCode");
    }

    @Test
    void nulOrALoneSurrogateInAMailBodyIs400() {
        Long caseId = fixtures.submittedCase(false).getId();
        postJson("/api/surgical-cases/" + caseId + "/invoice/email", "{\"body\":\"Dear\\u0000 customer\"}").assertContract(400, "body");
        postJson("/api/surgical-cases/" + caseId + "/invoice/email", "{\"subject\":\"Invoice \\ud800\"}").assertContract(400, "subject");
    }

    @Test
    void nulInAMapKeyIs400() {
        Long caseId = fixtures.submittedCase(false).getId();
        http.send("PUT", "/api/surgical-cases/" + caseId + "/purchase-orders", "{\"byManufacturer\":{\"A\\u0000\":\"PO-1\"}}",
                "Authorization", admin, "Content-Type", "application/json").assertContract(400, "byManufacturer");
    }

    @Test
    void nulInTheUserNameOfABasicHeaderIs401() {
        http.send("GET", "/api/facilities", null, "Authorization", RawHttp.basic("demo\0", "demo")).assertContract(401, "control character");
    }

    @Test
    void nulInTheUserNameIs401ForTheEngineApiToo() {
        http.send("GET", "/engine-rest/task", null, "Authorization", RawHttp.basic("demo\0", "demo")).assertContract(401, "control character");
    }

    @Test
    void aDateOutsideTheBusinessRangeIs400NamingFieldAndRange() {
        postJson("/api/surgical-cases", caseJson(Map.of("procedureDate", "+999999999-12-31")))
                .assertContract(400, "procedureDate").assertContract(400, "1900-01-01 and 9999-12-31");
        postJson("/api/surgical-cases", caseJson(Map.of("procedureDate", "1899-12-31"))).assertContract(400, "procedureDate");
        http.send("GET", "/api/exports/invoices.csv?from=-999999999-01-01", null, "Authorization", admin)
                .assertContract(400, "from").assertContract(400, "1900-01-01 and 9999-12-31");
        http.send("GET", "/api/exports/invoices.csv?to=10000-01-01", null, "Authorization", admin).assertContract(400, "to");
    }

    @Test
    void mergeWithANullOrBlankIdIs400() {
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        Long id = fixtures.newInvoice(lab, client);
        postJson("/api/invoices/merge", "{\"invoiceIds\":[" + id + ",null]}").assertContract(400, "invoiceIds");
        postJson("/api/invoices/merge", "{\"invoiceIds\":[" + id + ",\"\"]}").assertContract(400, "invoiceIds[1]");
        postJson("/api/invoices/merge", "{\"invoiceIds\":null}").assertContract(400, "invoiceIds");
        assertThat(fixtures.invoiceStatus(id)).isEqualTo("INITIAL");
    }

    @Test
    void aPageBeyondAnyOffsetIs400() {
        http.send("GET", "/api/invoices?page=2147483647", null, "Authorization", admin).assertContract(400, "page");
        http.send("GET", "/api/invoices?page=2147483648", null, "Authorization", admin).assertContract(400, "page");
        http.send("GET", "/api/dashboard/pending-po?page=2147483647", null, "Authorization", admin);
        assertThat(http.send("GET", "/api/invoices?page=0&size=1", null, "Authorization", admin).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "application/pdf", "text/csv", "image/png;q=0.5"})
    void errorsAreJsonWhateverAcceptSays(String accept) {
        http.send("GET", "/api/surgical-cases/999999", null, "Authorization", admin, "Accept", accept).assertContract(404, "999999");
        http.send("GET", "/api/no-such-thing", null, "Authorization", admin, "Accept", accept).assertContract(404, "/api/no-such-thing");
        http.send("DELETE", "/api/facilities", null, "Authorization", admin, "Accept", accept).assertContract(405, "DELETE");
        RawHttp.Answer anonymous = http.send("GET", "/api/facilities", null, "Accept", accept);
        if (accept.equals("text/html")) {
            // a browser whose session ended (a document link opened in a new tab) is sent to the one sign-in page
            assertThat(anonymous.status()).isEqualTo(302);
            assertThat(anonymous.headers().get("location")).endsWith("/login");
        } else {
            anonymous.assertContract(401, "Sign in");
        }
        // a change whose answer the caller would not take is refused before it is made
        http.send("POST", "/api/surgical-cases", "{", "Authorization", admin, "Accept", accept, "Content-Type", "application/json")
                .assertContract(406, "application/json");
    }

    @Test
    void unknownRoutesAndWrongMethodsAreTheContract() {
        http.send("GET", "/api/nothing", null, "Authorization", admin).assertContract(404, "/api/nothing");
        http.send("GET", "/api", null, "Authorization", admin).assertContract(404, "/api");
        RawHttp.Answer wrongMethod = http.send("DELETE", "/api/surgical-cases/1", null, "Authorization", admin).assertContract(405, "DELETE");
        assertThat(wrongMethod.json().get("message").asText()).contains("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/surgical-cases/..;/x", "/api/surgical-cases/%00", "/api/surgical-cases/a%2Fb", "/api/surgical-cases/a%5Cb",
            "/api/surgical-cases/%2e%2e/x", "/api/surgical-cases/;x=1", "/api/%", "/api/surgical-cases/1%3B"})
    void pathsTheFirewallOrTomcatRejectAreJson(String path) {
        RawHttp.Answer answer = http.send("GET", path, null, "Authorization", admin, "Accept", "text/html");
        answer.assertContract();
    }

    @Test
    void enumsAreReadByNameOnly() {
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Long id = fixtures.newInvoice(lab, fixtures.client(TransmitBy.EMAIL));
        postJson("/api/invoices/" + id + "/lines", "{\"kind\":0,\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}")
                .assertContract(400, "kind");
        postJson("/api/invoices/" + id + "/lines", "{\"kind\":\"\",\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}")
                .assertContract(400, "kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "\"\"", "\"true\"", "1.5"})
    void booleansAreTrueOrFalseOnly(String value) {
        String code = Fixtures.unique("F").toUpperCase();
        postJson("/api/facilities", "{\"code\":\"" + code + "\",\"name\":\"Hospital\",\"billingContacts\":[{\"name\":\"A\",\"email\":\"a@b.example\"}],"
                + "\"sendPoReminders\":" + value + "}").assertContract(400, "sendPoReminders");
        http.send("GET", "/api/facilities/" + code, null, "Authorization", admin).assertContract(404, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000", "0", "\"\"", "1.5"})
    void datesAreIsoStringsOnly(String value) {
        postJson("/api/surgical-cases", caseJson(Map.of()).replace("\"2026-03-01\"", value)).assertContract(400, "procedureDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XDR", "DEM", "usd", "US"})
    void currenciesAreIsoCodesInCirculation(String currency) {
        postJson("/api/surgical-cases", caseJson(Map.of("currency", currency))).assertContract(400, "currency");
        String code = Fixtures.unique("L").toUpperCase();
        postJson("/api/laboratories", "{\"code\":\"" + code + "\",\"name\":\"Lab\",\"currency\":\"" + currency + "\"}").assertContract(400, "currency");
    }

    @Test
    void circulatingCurrenciesAreAccepted() {
        for (String currency : new String[]{"USD", "EUR", "CHF", "XOF", "XAF", "JPY"}) {
            String code = Fixtures.laboratoryCode();
            assertThat(postJson("/api/laboratories", "{\"code\":\"" + code + "\",\"name\":\"Lab\",\"currency\":\"" + currency + "\"}").status())
                    .as(currency).isEqualTo(201);
        }
    }
}
