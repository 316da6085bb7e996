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
import java.math.BigDecimal;
import java.math.RoundingMode;
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

        // and the CSV is for administrators only; the VAT is the tax of the two rows, not a row of its own
        assertThat(http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String quickBooks = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv?format=quickbooks", String.class).getBody();
        List<CSVRecord> rows = csv(quickBooks);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("ItemTaxCode")).containsOnly("20.0% S");
        assertThat(rows).extracting(r -> r.get("ItemTaxAmount")).containsExactly("2.00", "30.00");
        assertThat(sum(rows, "*ItemAmount", "ItemTaxAmount")).isEqualByComparingTo("192.00");

        // and the credit note, once authorised, is the credit-note file: positive, naming the credited invoice
        String creditNoteNumber = creditNote.get("number").asText();
        long creditNoteId = creditNote.get("id").asLong();
        assertBad(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + creditNoteId + ".csv", JsonNode.class), 409,
                "from AUTHORISED on");
        action(creditNoteId, "authorise");
        List<CSVRecord> xeroCredit = csv(http.withBasicAuth(admin, Fixtures.PASSWORD)
                .getForEntity("/api/invoices/" + creditNoteId + ".csv?format=xero", String.class).getBody());
        assertThat(xeroCredit).extracting(r -> r.get("*CreditNoteNumber")).containsOnly(creditNoteNumber);
        assertThat(xeroCredit).extracting(r -> r.get("Reference")).containsOnly(released.get("number").asText());
        assertThat(xeroCredit).extracting(r -> r.get("*TaxType")).containsOnly("20% (VAT on Income)");
        assertThat(xeroCredit).extracting(r -> r.get("*UnitAmount")).containsExactly("10.00", "50.00");
        assertThat(xeroCredit.get(0).isMapped("*DueDate")).isFalse();
        assertThat(sum(xeroCredit, "*UnitAmount", "TaxAmount", "*Quantity")).isEqualByComparingTo("192.00");

        // and the range export gives the invoices and the credit notes as two files, each for its own import
        String range = "/api/exports/invoices.csv?from=" + LocalDate.now() + "&to=" + LocalDate.now();
        List<CSVRecord> invoices = csv(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(range + "&format=xero", String.class).getBody());
        assertThat(invoices).extracting(r -> r.get("*InvoiceNumber")).contains(released.get("number").asText()).doesNotContain(creditNoteNumber);
        ResponseEntity<String> credits = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(range + "&format=quickbooks&type=credit-notes", String.class);
        assertThat(credits.getHeaders().getContentDisposition().getFilename()).startsWith("credit-notes-").endsWith("-quickbooks.csv");
        List<CSVRecord> creditRows = csv(credits.getBody()).stream().filter(r -> r.get("*CreditNoteNo").equals(creditNoteNumber)).toList();
        assertThat(creditRows).hasSize(2);
        assertThat(creditRows).extracting(r -> r.get("Memo")).containsOnly(released.get("number").asText());
        assertThat(sum(creditRows, "*ItemAmount", "ItemTaxAmount")).isEqualByComparingTo("192.00");
        assertBad(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(range + "&type=refunds", JsonNode.class), 400, "type=credit-notes");
    }

    @Test
    void discountsSurchargesRebatesAndTaxesAddUpToTheInvoiceTotalInBothFiles() throws Exception {
        // given 16 x 348.35 EUR with every percent item and 22 % tax, authorised
        long id = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(id, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Water analysis\",\"quantity\":16,\"unitPrice\":348.35}");
        addLine(id, "{\"kind\":\"COST\",\"description\":\"Courier, per km\",\"quantity\":12.5,\"unitPrice\":0.87}");
        addLine(id, "{\"kind\":\"SURCHARGE\",\"description\":\"Express\",\"percent\":15}");
        addLine(id, "{\"kind\":\"REBATE\",\"description\":\"Volume\",\"percent\":1.5}");
        addLine(id, "{\"kind\":\"DISCOUNT\",\"description\":\"Framework\",\"percent\":4}");
        addLine(id, "{\"kind\":\"TAX\",\"description\":\"IVA\",\"percent\":22}");
        action(id, "draft");
        action(id, "release");
        JsonNode invoice = action(id, "authorise");
        String number = invoice.get("number").asText();

        // when
        List<CSVRecord> xero = csv(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv?format=xero", String.class).getBody());
        List<CSVRecord> quickBooks = csv(http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + ".csv?format=quickbooks", String.class).getBody());

        // then each file, summed as its target sums it, gives the invoice's own total
        assertThat(xero).hasSize(5).extracting(r -> r.get("*InvoiceNumber")).containsOnly(number);
        assertThat(xero).extracting(r -> r.get("*TaxType")).containsOnly("22% (IVA)");
        assertThat(sum(xero, "*UnitAmount", "TaxAmount", "*Quantity")).isEqualByComparingTo(invoice.get("total").decimalValue());
        assertThat(sum(quickBooks, "*ItemAmount", "ItemTaxAmount")).isEqualByComparingTo(invoice.get("total").decimalValue());
        assertThat(sum(quickBooks, "ItemTaxAmount")).isEqualByComparingTo(invoice.get("taxTotal").decimalValue());
    }

    @Test
    void paymentsAreRecordedWithDateAmountAndReferenceAndAPartialOneKeepsTheInvoiceBooked() {
        // given a booked invoice of 120.00 (100.00 and 20 % VAT)
        long id = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(id, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil\",\"quantity\":1,\"unitPrice\":100.00}");
        addLine(id, "{\"kind\":\"TAX\",\"description\":\"VAT\",\"percent\":20}");
        for (String action : List.of("draft", "release", "authorise", "transmit")) {
            action(id, action);
        }
        runJobs();
        action(id, "book");

        // when the client pays a part
        ResponseEntity<JsonNode> partial = post(office, "/api/invoices/" + id + "/pay",
                "{\"paymentDate\":\"" + LocalDate.now().minusDays(2) + "\",\"amount\":50.00,\"reference\":\"SEPA E2E 0001\"}");

        // then it stays BOOKED, with pay still allowed, and the payment is on record
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(partial.getBody().get("status").asText()).isEqualTo("BOOKED");
        assertThat(partial.getBody().get("allowedActions")).extracting(JsonNode::asText).contains("pay", "credit");
        JsonNode payments = http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/payments", JsonNode.class).getBody();
        assertThat(payments).hasSize(1);
        assertThat(payments.at("/0/paymentDate").asText()).isEqualTo(LocalDate.now().minusDays(2).toString());
        assertThat(payments.at("/0/amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(payments.at("/0/currency").asText()).isEqualTo("EUR");
        assertThat(payments.at("/0/reference").asText()).isEqualTo("SEPA E2E 0001");
        assertThat(payments.at("/0/outcome").asText()).isEqualTo("PARTIAL");
        assertThat(payments.at("/0/openAfter").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(payments.at("/0/recordedBy").asText()).isEqualTo(office);

        // and overpaying, a future date, too many decimals or a multi-line reference are 400 and record nothing
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"amount\":70.01}"), 400, "more than the open amount 70.00 EUR");
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"paymentDate\":\"" + LocalDate.now().plusDays(1) + "\"}"), 400, "in the future");
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"amount\":0.001}"), 400, "more decimals than EUR");
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"amount\":0}"), 400, "must be more than 0");
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"reference\":\"a\\nb\"}"), 400, "reference");
        assertBad(post(office, "/api/invoices/" + id + "/pay", "{\"amount\":\"lots\"}"), 400, "amount");
        assertThat(get(id).get("status").asText()).isEqualTo("BOOKED");

        // when the rest is paid with the defaults (today, the open amount)
        JsonNode paid = action(id, "pay");

        // then
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        payments = http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/payments", JsonNode.class).getBody();
        assertThat(payments).extracting(p -> p.get("outcome").asText()).containsExactly("PARTIAL", "FULL");
        assertThat(payments.at("/1/amount").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(payments.at("/1/paymentDate").asText()).isEqualTo(LocalDate.now().toString());
        JsonNode history = history(id);
        JsonNode partialRow = history.get(history.size() - 2);
        assertThat(partialRow.get("from").asText()).isEqualTo("BOOKED");
        assertThat(partialRow.get("to").asText()).isEqualTo("BOOKED");
        assertThat(partialRow.get("action").asText()).isEqualTo("pay");
        assertThat(partialRow.get("reason").asText()).contains("50.00 EUR", "SEPA E2E 0001", "70.00 EUR still open");
        assertThat(history.get(history.size() - 1).get("to").asText()).isEqualTo("PAID");
        assertThat(history.get(history.size() - 1).get("reason").asText()).contains("70.00 EUR", "paid in full");
        assertBad(post(office, "/api/invoices/" + id + "/pay", ""), 409, "is PAID");
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
    void anEmptyOrNegativeInvoiceIsRefusedAtReleaseWithoutTakingANumberOrWritingHistory() {
        // given an invoice without lines and one of 100.00 with a 60 % discount and a 60 % rebate, both drafts
        long empty = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        action(empty, "draft");
        long negative = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(negative, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil\",\"quantity\":1,\"unitPrice\":100.00}");
        addLine(negative, "{\"kind\":\"DISCOUNT\",\"description\":\"Framework\",\"percent\":60}");
        addLine(negative, "{\"kind\":\"REBATE\",\"description\":\"Volume\",\"percent\":60}");
        action(negative, "draft");
        assertThat(get(negative).get("total").decimalValue()).isEqualByComparingTo("-20.00");

        // then neither offers release, and asking for it is a 409 that says why
        assertThat(get(empty).get("allowedActions")).extracting(JsonNode::asText).containsExactly("reprice", "cancel");
        assertThat(get(negative).get("allowedActions")).extracting(JsonNode::asText).containsExactly("reprice", "cancel");
        assertBad(post(office, "/api/invoices/" + empty + "/release", ""), 409, "cannot be released: it has no lines");
        assertBad(post(office, "/api/invoices/" + negative + "/release", ""), 409, "cannot be released: its total -20.00 EUR is negative");
        for (long id : List.of(empty, negative)) {
            assertThat(get(id).get("status").asText()).isEqualTo("DRAFT");
            assertThat(get(id).get("number").isNull()).isTrue();
            assertThat(history(id)).extracting(e -> e.get("to").asText()).containsExactly("INITIAL", "DRAFT");
        }

        // and the series lost nothing: the next invoice released takes the first number of the year
        long good = create();
        action(good, "draft");
        assertThat(action(good, "release").get("number").asText()).isEqualTo(lab.getCode() + "-INV-" + LocalDate.now(clock).getYear() + "-00001");
    }

    @Test
    void aNegativeProposalIsRefusedAtReleaseToo() {
        long proposal = post(office, "/api/invoices", body(lab.getCode(), client.getCode()).replace("}", ",\"type\":\"PROPOSAL\"}"))
                .getBody().get("id").asLong();
        addLine(proposal, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil\",\"quantity\":1,\"unitPrice\":100.00}");
        addLine(proposal, "{\"kind\":\"DISCOUNT\",\"description\":\"Framework\",\"percent\":60}");
        addLine(proposal, "{\"kind\":\"REBATE\",\"description\":\"Volume\",\"percent\":60}");
        action(proposal, "draft");
        assertBad(post(office, "/api/invoices/" + proposal + "/release", ""), 409, "is negative");
        assertThat(get(proposal).get("number").isNull()).isTrue();
    }

    @Test
    void aMergeThatAddsUpToANegativeTotalGivesADraftThatCannotBeReleased() {
        // given two invoices of 50.00 each, fine on their own: one with a 60 % discount, one with a 60 % rebate
        long first = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(first, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil\",\"quantity\":1,\"unitPrice\":50.00}");
        addLine(first, "{\"kind\":\"DISCOUNT\",\"description\":\"Framework\",\"percent\":60}");
        long second = post(office, "/api/invoices", body(lab.getCode(), client.getCode())).getBody().get("id").asLong();
        addLine(second, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Water\",\"quantity\":1,\"unitPrice\":50.00}");
        addLine(second, "{\"kind\":\"REBATE\",\"description\":\"Volume\",\"percent\":60}");
        assertThat(get(first).get("total").decimalValue()).isEqualByComparingTo("20.00");

        // when merged
        JsonNode merged = post(office, "/api/invoices/merge", "{\"invoiceIds\":[" + first + "," + second + "]}").getBody();

        // then the draft is -20.00 and is not released
        assertThat(merged.get("total").decimalValue()).isEqualByComparingTo("-20.00");
        assertThat(merged.get("allowedActions")).extracting(JsonNode::asText).doesNotContain("release");
        assertBad(post(office, "/api/invoices/" + first + "/release", ""), 409, "is negative");
        assertThat(get(first).get("number").isNull()).isTrue();
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

    private JsonNode history(long id) {
        return http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/history", JsonNode.class).getBody();
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

    /**
     * Σ over the rows of {@code amount} (times {@code quantity} when given, rounded to cents as Xero does)
     * plus each further column: the total the importer arrives at.
     */
    private static BigDecimal sum(List<CSVRecord> rows, String amount, String tax, String quantity) {
        BigDecimal total = BigDecimal.ZERO;
        for (CSVRecord row : rows) {
            BigDecimal line = new BigDecimal(row.get(amount));
            if (quantity != null) {
                line = line.multiply(new BigDecimal(row.get(quantity))).setScale(2, RoundingMode.HALF_UP);
            }
            total = total.add(line).add(tax == null || row.get(tax).isEmpty() ? BigDecimal.ZERO : new BigDecimal(row.get(tax)));
        }
        return total;
    }

    private static BigDecimal sum(List<CSVRecord> rows, String amount, String tax) {
        return sum(rows, amount, tax, null);
    }

    private static BigDecimal sum(List<CSVRecord> rows, String amount) {
        return sum(rows, amount, null, null);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
