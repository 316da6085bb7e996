package com.billflow.surgicalcase;

import com.billflow.directory.Address;
import com.billflow.directory.BillingContact;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityRequest;
import com.billflow.directory.FacilityService;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.billflow.support.ApiCalls.post;
import static com.billflow.support.ApiCalls.put;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cases at and near the API's own maximums go through the whole lifecycle: nothing a valid request
 * carries may exceed what the engine can store (its String variables hold 4,000 characters).
 * Runs on H2 and, with {@code -Ppostgres}, on PostgreSQL.
 */
class CaseAtTheLimitsTest extends IntegrationTest {

    static final String SPINE_DESCRIPTION =
            "Pedicle screw, polyaxial, cannulated, titanium alloy Ti-6Al-4V, diameter 6.5 mm, length 45 mm, sterile";
    static final List<String> SPINE_MANUFACTURERS = List.of("Medtronic", "Globus Medical", "DePuy Synthes");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    FacilityService facilities;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identity;

    String rep;
    String billing;

    @BeforeEach
    void users() {
        rep = fixtures.user(Groups.SALES_REP);
        billing = fixtures.user(Groups.BILLING);
    }

    @Test
    void aSpineCaseOf25LongLinesGoesFromSubmissionToPaid() throws Exception {
        // given the case of the bug report: 25 lines of 100-character descriptions, three manufacturers
        assertThat(SPINE_DESCRIPTION).hasSizeGreaterThanOrEqualTo(100);
        Facility facility = fixtures.facility(false);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            lines.add(line(SPINE_MANUFACTURERS.get((i - 1) % 3), "SPN-65-45-%03d".formatted(i), "LOT-2026-%04d".formatted(i),
                    "SN-%06d".formatted(i), SPINE_DESCRIPTION, "1", "950.00"));
        }

        // when
        ResponseEntity<JsonNode> created = post(as(rep), "/api/surgical-cases", caseJson(facility.getCode(), "Posterior lumbar fusion", lines));

        // then
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("total").decimalValue()).isEqualByComparingTo("23750.00");

        // when the rep adds one PO per manufacturer
        assertThat(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders",
                "{\"byManufacturer\":{\"Medtronic\":\"PO-MDT-1\",\"Globus Medical\":\"PO-GM-2\",\"DePuy Synthes\":\"PO-DS-3\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs();

        // then the invoice PDF lists all 25 lines
        String pdf = pdfText(as(billing).getForEntity("/api/surgical-cases/" + id + "/invoice.pdf", byte[].class).getBody());
        for (int i = 1; i <= 25; i++) {
            assertThat(pdf).contains("SPN-65-45-%03d".formatted(i), "LOT-2026-%04d".formatted(i), "SN-%06d".formatted(i));
        }
        assertThat(countOf(pdf, squeeze(SPINE_DESCRIPTION))).isEqualTo(25);
        assertThat(pdf).contains("23,750.00".replace(",", ""));

        // when billing mails it to every contact and records both payments
        assertThat(post(as(billing), "/api/surgical-cases/" + id + "/invoice/email", "{\"allContacts\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs();
        JsonNode paid = post(as(billing), "/api/surgical-cases/" + id + "/paid", "{\"commission\":{\"amount\":100,\"period\":\"2026-11\"}}").getBody();

        // then
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void theApiMaximumsGoThroughTheWholeLifecycle() throws Exception {
        // given a facility with the most billing contacts allowed, each with an address of about 246 characters
        assertThat(longAddress(7)).hasSize(246);
        List<BillingContact> contacts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            contacts.add(new BillingContact(("Accounts Payable Contact " + i + " ").repeat(10).substring(0, 200), longAddress(i)));
        }
        String code = Fixtures.unique("F").toUpperCase();
        Facility facility = facilities.create(new FacilityRequest(code, "H".repeat(200),
                new Address("1 Main Street", null, "Springfield", "IL", "62701", "United States"), contacts, false, 30));
        // and a case of 200 lines with the longest texts allowed
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String manufacturer = ("Manufacturer " + (i % 10) + " ").repeat(10).substring(0, 100);
            lines.add(line(manufacturer, "P".repeat(60) + "%04d".formatted(i), "L".repeat(64), "S".repeat(64),
                    ("Line %03d ".formatted(i) + "Implant component with a long description. ".repeat(12)).substring(0, 500), "1", "10.00"));
        }

        // when
        ResponseEntity<JsonNode> created = post(as(rep), "/api/surgical-cases", caseJson(code, "P".repeat(200), lines));

        // then
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("lines")).hasSize(200);

        // when the PO is entered (64 characters, the longest allowed) and the invoice is generated
        String po = "PO-" + "9".repeat(61);
        assertThat(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"" + po + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        runJobs();

        // then Send Invoice waits, offering all 20 contacts, and the PDF has every line
        Task sendInvoice = taskService.createTaskQuery().processInstanceBusinessKey(created.getBody().get("caseNumber").asText()).singleResult();
        assertThat(sendInvoice.getTaskDefinitionKey()).isEqualTo(TASK_SEND_INVOICE);
        assertThat(taskService.getVariable(sendInvoice.getId(), VAR_FACILITY_EMAILS).toString()).contains(longAddress(19));
        String pdf = pdfText(as(billing).getForEntity("/api/surgical-cases/" + id + "/invoice.pdf", byte[].class).getBody());
        assertThat(pdf).contains("Line001", "Line200", po);

        // when billing sends it to every contact with a body of the maximum length and a long To with display names
        String body = ("Dear colleagues, " + "please find the invoice attached. ".repeat(400)).substring(0, 10_000);
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            to.append(i == 0 ? "" : ", ").append("\"Payables, Desk ").append(i).append("\" <").append(longAddress(i)).append('>');
        }
        ObjectNode request = json.createObjectNode().put("to", to.toString()).put("allContacts", true)
                .put("subject", "S".repeat(200)).put("body", body);
        ResponseEntity<JsonNode> emailed = post(as(billing), "/api/surgical-cases/" + id + "/invoice/email", request.toString());
        assertThat(emailed.getStatusCode()).as(String.valueOf(emailed.getBody())).isEqualTo(HttpStatus.OK);
        runJobs();

        // then one mail, to 20 recipients with their display names, carrying the whole body
        assertThat(smtp.getReceivedMessages()).hasSize(20);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).hasSize(20);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[3]).getPersonal()).isEqualTo("Payables, Desk 3");
        assertThat(textOf(mail).strip()).isEqualTo(body.strip());
        assertThat(post(as(billing), "/api/surgical-cases/" + id + "/paid", "{\"commission\":{\"amount\":100,\"period\":\"2026-11\"}}").getBody().get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void anOutlookAddressListIsTwoRecipientsWithTheDisplayNameKept() throws Exception {
        // given
        long id = invoicedCase();

        // when
        ResponseEntity<JsonNode> emailed = post(as(billing), "/api/surgical-cases/" + id + "/invoice/email",
                "{\"to\":\"\\\"Doe, Jane\\\" <jane@comma.test>, ap2@comma.test\"}");
        runJobs();

        // then
        assertThat(emailed.getStatusCode()).as(String.valueOf(emailed.getBody())).isEqualTo(HttpStatus.OK);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("jane@comma.test", "ap2@comma.test");
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Doe, Jane");
        assertThat(mail.getHeader("To", ",")).contains("\"Doe, Jane\" <jane@comma.test>");
    }

    @Test
    void tasklistRefusesAFieldLongerThanTheEngineKeepsAndTheTaskStaysOpen() throws Exception {
        // given
        long id = invoicedCase();
        String caseNumber = as(billing).getForEntity("/api/surgical-cases/" + id, JsonNode.class).getBody().get("caseNumber").asText();
        Task sendInvoice = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();

        // when a form submits a body of 4,001 characters, as Tasklist would (untyped strings)
        identity.setAuthentication(billing, List.of(Groups.BILLING));
        try {
            assertThatThrownBy(() -> formService.submitTaskForm(sendInvoice.getId(),
                    Map.of(VAR_SEND_INVOICE_BY, "EMAIL", VAR_EMAIL_BODY, "x".repeat(4001))))
                    .hasMessageContaining("Body is 4001 characters long; a Tasklist field holds at most 4000");

            // then the task is still open; a body of 4,000 goes through
            assertThat(taskService.createTaskQuery().taskId(sendInvoice.getId()).count()).isEqualTo(1);
            formService.submitTaskForm(sendInvoice.getId(), Map.of(VAR_SEND_INVOICE_BY, "EMAIL", VAR_EMAIL_BODY, "y".repeat(4000)));
        } finally {
            identity.clearAuthentication();
        }
        runJobs();
        assertThat(textOf(smtp.getReceivedMessages()[0]).strip()).isEqualTo("y".repeat(4000));
    }

    private long invoicedCase() {
        Facility facility = fixtures.facility(false);
        long id = post(as(rep), "/api/surgical-cases", caseJson(facility.getCode(), "Total knee arthroplasty",
                List.of(line("Zimmer", "ZM-1", null, null, "Tibial insert", "1", "100.00")))).getBody().get("id").asLong();
        put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"PO-1\"}");
        runJobs();
        return id;
    }

    /** An address of 246 characters (checked in the test that uses it): a 64-character local part and a domain of 63-character labels. */
    private static String longAddress(int i) {
        String local = ("ap" + i + "x").repeat(30).substring(0, 64);
        String label = "payables-department-of-the-regional-hospital-group-".repeat(2).substring(0, 52);
        return local + "@" + label + "a." + label + "b." + label + "c." + "d".repeat(11) + ".example";
    }

    private String caseJson(String facilityCode, String procedure, List<Map<String, Object>> lines) {
        ObjectNode body = json.createObjectNode().put("facilityCode", facilityCode).put("surgeon", "Dr. Test").put("procedure", procedure)
                .put("procedureDate", "2026-11-02").put("patientRef", "PT-2026-001").put("currency", "USD");
        ArrayNode array = body.putArray("lines");
        lines.forEach(line -> array.add(json.valueToTree(line)));
        return body.toString();
    }

    private static Map<String, Object> line(String manufacturer, String part, String lot, String serial, String description,
                                            String quantity, String unitPrice) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("manufacturer", manufacturer);
        line.put("partNumber", part);
        line.put("lotNumber", lot);
        line.put("serialNumber", serial);
        line.put("description", description);
        line.put("quantity", new BigDecimal(quantity));
        line.put("unitPrice", new BigDecimal(unitPrice));
        return line;
    }

    private void runJobs() {
        for (int round = 0; round < 3; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                management.executeJob(job.getId());
            }
        }
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, Fixtures.PASSWORD);
    }

    /** The PDF's text with all white space removed, so that text wrapped in a table cell still matches. */
    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(document));
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String textOf(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof MimeMultipart multipart) {
            Object first = multipart.getBodyPart(0).getContent();
            if (first instanceof MimeMultipart nested) {
                return nested.getBodyPart(0).getContent().toString();
            }
            return first.toString();
        }
        return content.toString();
    }
}
