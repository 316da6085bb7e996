package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.security.Groups;
import com.billflow.support.ApiCalls;
import com.billflow.support.Fixtures;

import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import static com.billflow.support.ApiCalls.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

/** Laboratory invoices over REST: the actions complete the same tasks as Tasklist; every refusal is a clear 4xx. */
class InvoiceApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;

    Laboratory lab;
    Client client;
    String office;
    String admin;

    @BeforeEach
    void data() {
        lab = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.EMAIL);
        office = fixtures.officeManagerOf(lab);
        admin = fixtures.user(Groups.ADMIN);
    }

    @Test
    void theWholeLifecycleOverRestWithHistoryDocumentsAndCsv() throws Exception {
        // given an invoice of water (10.00), soil and 20% VAT
        long id = create();
        addLine(id, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil analysis\",\"quantity\":2,\"unitPrice\":50.00}");
        addLine(id, "{\"kind\":\"TAX\",\"description\":\"VAT\",\"percent\":20}");
        JsonNode estimate = post(office, "/api/invoices/" + id + "/documents/estimate", "").getBody();
        assertThat(estimate.get("kind").asText()).isEqualTo("ESTIMATE");
        assertThat(estimate.get("sha256").asText()).hasSize(64);
        assertThat(get(id).get("status").asText()).isEqualTo("INITIAL");

        // when every action goes over REST
        assertThat(action(id, "draft").get("status").asText()).isEqualTo("DRAFT");
        assertThat(put(office, "/api/invoices/" + id + "/lines/" + get(id).at("/lines/1/id").asLong(),
                "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil analysis\",\"quantity\":3,\"unitPrice\":50.00}").getBody().get("status").asText())
                .isEqualTo("EDITED");
        JsonNode released = action(id, "release");
        assertThat(released.get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.get("number").asText()).startsWith(lab.getCode() + "-INV-");
        assertThat(released.get("total").decimalValue()).isEqualByComparingTo("192.00");
        assertThat(released.get("taxTotal").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(released.get("allowedActions")).extracting(JsonNode::asText).containsExactly("authorise", "cancel");
        action(id, "authorise");
        action(id, "transmit");
        runJobs();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        action(id, "book");
        JsonNode creditNote = action(id, "credit");

        // then
        assertThat(creditNote.get("type").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(creditNote.get("total").decimalValue()).isEqualByComparingTo("-192.00");
        assertThat(creditNote.get("originalInvoiceId").asLong()).isEqualTo(id);
        assertThat(get(id).get("status").asText()).isEqualTo("CREDITED");
        assertThat(get(id).get("creditNoteId").asLong()).isEqualTo(creditNote.get("id").asLong());
        JsonNode history = http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/history", JsonNode.class).getBody();
        assertThat(history).extracting(e -> e.get("to").asText()).containsExactly("INITIAL", "DRAFT", "EDITED", "RELEASED", "AUTHORISED",
                "TRANSMITTED", "BOOKED", "CREDITED");
        assertThat(history.get(4).get("who").asText()).isEqualTo(office);
        assertThat(history.get(4).get("when").asText()).isNotBlank();

        // and the documents are listed and downloadable
        JsonNode documents = http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/documents", JsonNode.class).getBody();
        assertThat(documents).extracting(d -> d.get("kind").asText()).containsExactly("ESTIMATE", "INVOICE");
        byte[] pdf = http.withBasicAuth(office, Fixtures.PASSWORD)
                .getForEntity("/api/invoices/" + id + "/documents/" + documents.get(1).get("id").asLong(), byte[].class).getBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(released.get("number").asText(), "192.00", client.getName(), lab.getName(), "VAT (20%)");
            assertThat(text).doesNotContain("Part #", "Manufacturer", "Billflow Medical Devices");
        }

        // and the CSV is for administrators only, with the tax columns
        assertThat(http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String quickBooks = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv?format=quickbooks", String.class).getBody();
        List<CSVRecord> rows = csv(quickBooks);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("ItemTaxAmount")).isEqualTo("32.00");
        assertThat(rows.get(0).get("ItemTaxAmount")).isEqualTo("0.00");
        String range = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/exports/invoices.csv?format=xero&from=" + LocalDate.now()
                + "&to=" + LocalDate.now(), String.class).getBody();
        assertThat(csv(range)).extracting(r -> r.get("*InvoiceNumber")).contains(released.get("number").asText(), creditNote.get("number").asText());
    }

    @Test
    void illegalMovesAre409NamingTheStatusAndTheAllowedActions() {
        long id = create();
        ResponseEntity<JsonNode> refused = post(office, "/api/invoices/" + id + "/pay", "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("is INITIAL", "'pay'", "draft", "merge", "cancel");
        action(id, "draft");
        action(id, "release");
        ResponseEntity<JsonNode> edit = post(office, "/api/invoices/" + id + "/lines", "{\"kind\":\"COST\",\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}");
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(edit.getBody().get("message").asText()).contains("is RELEASED", "edit lines");
        assertThat(get(id).get("lines")).hasSize(1);
    }

    @Test
    void badInputIsAClearFourHundred() {
        long id = create();
        assertBad(post(office, "/api/invoices", body(lab.getCode(), "NOPE")), 400, "not a known client");
        assertBad(post(office, "/api/invoices", body("NOPE", client.getCode())), 400, "not a known laboratory");
        assertBad(post(office, "/api/invoices", body(lab.getCode(), client.getCode()).replace("}", ",\"currency\":\"USD\"}")), 400, "not the currency");
        assertBad(post(office, "/api/invoices", body(lab.getCode(), client.getCode()).replace("}", ",\"type\":\"CREDIT_NOTE\"}")), 400, "credit a BOOKED invoice");
        assertBad(post(office, "/api/invoices", body(lab.getCode(), client.getCode()).replace("}", ",\"type\":\"GIFT\"}")), 400, "type");
        assertBad(post(office, "/api/invoices/" + id + "/lines", "{\"kind\":\"COST\",\"description\":\"x\",\"quantity\":-1,\"unitPrice\":1}"), 400, "quantity");
        assertBad(post(office, "/api/invoices/" + id + "/lines", "{\"kind\":\"TAX\",\"description\":\"VAT\",\"quantity\":1,\"unitPrice\":1}"), 400, "takes a percent");
        assertBad(post(office, "/api/invoices/" + id + "/lines", "{\"kind\":\"DISCOUNT\",\"description\":\"x\",\"percent\":150}"), 400, "percent");
        assertBad(post(office, "/api/invoices/" + id + "/lines", "{\"kind\":\"POTATO\",\"description\":\"x\"}"), 400, "kind");
        assertBad(post(office, "/api/invoices/" + id + "/cancel", "{}"), 400, "A reason is required");
        assertBad(post(office, "/api/invoices/" + id + "/cancel", "{\"reason\":\"  \"}"), 400, "A reason is required");
        assertBad(post(office, "/api/invoices/" + id + "/explode", ""), 400, "Unknown action 'explode'");
        assertBad(post(office, "/api/invoices/merge", "{\"invoiceIds\":[" + id + "]}"), 400, "at least two");
        assertBad(post(office, "/api/invoices/merge", "{\"invoiceIds\":[" + id + ",999999999]}"), 404, "does not exist");
        assertBad(post(office, "/api/invoices/" + id + "/documents/poster", ""), 400, "Unknown document");
        assertBad(http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/999999999", JsonNode.class), 404, "does not exist");
        assertBad(http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices?status=LOST", JsonNode.class), 400, "status");
        assertThat(get(id).get("status").asText()).isEqualTo("INITIAL");
        assertThat(get(id).get("lines")).hasSize(1);
    }

    @Test
    void proposalsAreNotExportedToAccounting() {
        long proposal = post(office, "/api/invoices", body(lab.getCode(), client.getCode()).replace("}", ",\"type\":\"PROPOSAL\"}"))
                .getBody().get("id").asLong();
        assertBad(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + proposal + ".csv", JsonNode.class), 409,
                "proposals are not exported");
    }

    @Test
    void onlyOfficeManagersAndAdministrators() {
        long id = create();
        String billing = fixtures.user(Groups.BILLING);
        assertThat(http.getForEntity("/api/invoices/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(billing, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(billing, "/api/invoices/" + id + "/draft", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(admin, "/api/invoices/" + id + "/draft", "").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long create() {
        long id = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(id, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Water\",\"quantity\":1,\"unitPrice\":10.00}");
        return id;
    }

    private static String body(String labCode, String clientCode) {
        return "{\"laboratoryCode\":\"" + labCode + "\",\"clientCode\":\"" + clientCode + "\",\"jobNumber\":\"J-1\"}";
    }

    private void addLine(long id, String line) {
        assertThat(post(office, "/api/invoices/" + id + "/lines", line).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode action(long id, String action) {
        ResponseEntity<JsonNode> response = post(office, "/api/invoices/" + id + "/" + action, "");
        assertThat(response.getStatusCode()).as(action + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode get(long id) {
        return http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id, JsonNode.class).getBody();
    }

    private void runJobs() {
        for (Job job : management.createJobQuery().executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        return ApiCalls.post(http.withBasicAuth(user, Fixtures.PASSWORD), path, json);
    }

    private ResponseEntity<JsonNode> put(String user, String path, String json) {
        return ApiCalls.put(http.withBasicAuth(user, Fixtures.PASSWORD), path, json);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
