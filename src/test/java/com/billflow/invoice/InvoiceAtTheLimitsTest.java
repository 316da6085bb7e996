package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.process.ProductionInvoiceProcess;
import com.billflow.support.ApiCalls;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import static com.billflow.support.ApiCalls.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laboratory invoices at and near the API's maximums go through drafting, merging, release,
 * authorisation and transmission: the invoice shown to Tasklist forms grows with its lines and
 * must not be a String variable (4,000 characters). Runs on H2 and, with {@code -Ppostgres}, PostgreSQL.
 */
class InvoiceAtTheLimitsTest extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;

    Laboratory lab;
    Client client;
    String office;

    @BeforeEach
    void data() {
        lab = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.EMAIL);
        office = fixtures.officeManagerOf(lab);
    }

    @Test
    void twoInvoicesOf45OrdinarySampleLinesAreDraftedMergedReleasedAndTransmitted() throws Exception {
        // given two invoices of 45 sample lines each
        long first = invoiceWithLines(45, "Drinking water analysis, microbiology panel, sample ");
        long second = invoiceWithLines(45, "Soil analysis, heavy metals by ICP-MS, sample ");
        assertThat(taskSummary(first)).contains("sample 45");

        // when they are merged, released, authorised and transmitted
        ResponseEntity<JsonNode> merged = post("/api/invoices/merge", "{\"invoiceIds\":[" + first + "," + second + "]}");
        assertThat(merged.getStatusCode()).as(String.valueOf(merged.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(merged.getBody().get("lines")).hasSize(90);
        assertThat(taskSummary(first)).contains("Soil analysis, heavy metals by ICP\\-MS, sample 45", "total 1125.00");
        action(first, "release");
        runJobs();
        action(first, "authorise");
        action(first, "transmit");
        runJobs();

        // then the invoice went out with every line on its PDF
        JsonNode invoice = get(first);
        assertThat(invoice.get("status").asText()).isEqualTo("TRANSMITTED");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("1125.00");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String pdf = pdfOf(first);
        for (int i = 1; i <= 45; i++) {
            assertThat(pdf).contains(squeeze("Drinking water analysis, microbiology panel, sample " + i),
                    squeeze("Soil analysis, heavy metals by ICP-MS, sample " + i));
        }
    }

    @Test
    void anInvoiceHoldsAtMost200LinesOfTheLongestTextAndStillGoesThrough() throws Exception {
        // given an invoice with the most lines allowed, each with the longest description
        String longest = "Trace metal analysis with full method documentation. ".repeat(10).substring(0, 500);
        long id = invoiceWithLines(200, longest.substring(0, 490) + " line ");

        // when a 201st line is added, or a merge would exceed the limit
        assertBad(post("/api/invoices/" + id + "/lines", line("One too many")), 400, "at most 200");
        long other = invoiceWithLines(1, "Extra sample ");
        assertBad(post("/api/invoices/merge", "{\"invoiceIds\":[" + id + "," + other + "]}"), 400, "at most 200");

        // then nothing changed, and the invoice is drafted, released and authorised
        assertThat(get(id).get("lines")).hasSize(200);
        assertThat(get(other).get("status").asText()).isEqualTo("INITIAL");
        action(id, "draft");
        action(id, "release");
        runJobs();
        assertThat(action(id, "authorise").get("status").asText()).isEqualTo("AUTHORISED");
        assertThat(pdfOf(id)).contains(squeeze(longest.substring(0, 100)), "line200");
    }

    @Test
    void aReasonLongerThanAllowedIsRefusedBeforeTheEngineStoresIt() {
        // given
        long id = invoiceWithLines(1, "Water ");

        // when
        ResponseEntity<JsonNode> refused = post("/api/invoices/" + id + "/cancel", json.createObjectNode().put("reason", "r".repeat(4500)).toString());

        // then
        assertBad(refused, 400, "reason is 4500 characters long; at most 1000");
        assertThat(get(id).get("status").asText()).isEqualTo("INITIAL");
        assertThat(post("/api/invoices/" + id + "/cancel", json.createObjectNode().put("reason", "r".repeat(1000)).toString())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs();
        assertThat(get(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    private long invoiceWithLines(int count, String descriptionPrefix) {
        long id = post("/api/invoices", "{\"laboratoryCode\":\"" + lab.getCode() + "\",\"clientCode\":\"" + client.getCode()
                + "\",\"jobNumber\":\"" + Fixtures.unique("J-") + "\"}").getBody().get("id").asLong();
        for (int i = 1; i <= count; i++) {
            ResponseEntity<JsonNode> added = post("/api/invoices/" + id + "/lines", line(descriptionPrefix + i));
            assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
        }
        return id;
    }

    private String line(String description) {
        return json.createObjectNode().put("kind", "SAMPLE_TEST").put("description", description)
                .put("quantity", 1).put("unitPrice", "12.50").toString();
    }

    /** The invoice text the open task's form shows. */
    private String taskSummary(long invoiceId) {
        Task task = taskService.createTaskQuery().processVariableValueEquals(ProductionInvoiceProcess.VAR_INVOICE_ID, invoiceId).singleResult();
        return (String) taskService.getVariable(task.getId(), ProductionInvoiceProcess.VAR_INVOICE_SUMMARY);
    }

    /** The text of the invoice's latest document (its invoice PDF once released), white space removed. */
    private String pdfOf(long id) throws Exception {
        TestRestTemplate client = http.withBasicAuth(office, Fixtures.PASSWORD);
        JsonNode documents = client.getForEntity("/api/invoices/" + id + "/documents", JsonNode.class).getBody();
        long documentId = documents.get(documents.size() - 1).get("id").asLong();
        byte[] pdf = client.getForEntity("/api/invoices/" + id + "/documents/" + documentId, byte[].class).getBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(document));
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private JsonNode action(long id, String action) {
        ResponseEntity<JsonNode> response = post("/api/invoices/" + id + "/" + action, "");
        assertThat(response.getStatusCode()).as(action + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode get(long id) {
        return http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id, JsonNode.class).getBody();
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        return ApiCalls.post(http.withBasicAuth(office, Fixtures.PASSWORD), path, body);
    }

    private void runJobs() {
        for (int round = 0; round < 3; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                management.executeJob(job.getId());
            }
        }
    }
}
