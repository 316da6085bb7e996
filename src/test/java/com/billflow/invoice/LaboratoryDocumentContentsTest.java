package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.support.ApiCalls;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a laboratory's PDFs carry (SPEC §6; EU VAT Directive 2006/112/EC Art. 226), read back with
 * PDFBox from the documents the lifecycle stored: each mandatory item of an invoice, and a credit
 * note that names the credited invoice by number and date and asks for no payment.
 */
class LaboratoryDocumentContentsTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;

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
    void anInvoicePrintsEveryItemArticle226AsksFor() throws IOException {
        // given 16 x 348.35 EUR with a 4 % discount and 22 % VAT (mapped to category S)
        long id = invoiceWithDiscountAndVat();

        // when it is released
        JsonNode released = action(id, "release");

        // then
        String text = pdfText(id, 0);
        String number = released.get("number").asText();
        assertThat(text).as("(1) date of issue, (2) sequential number").contains("Issue date", released.get("invoiceDate").asText(), number);
        assertThat(text).as("(3) supplier's VAT id, (4) customer's VAT id").contains("Tax ID: DE123456789", "Tax ID: NL859048535B01");
        assertThat(text).as("(5) full names and addresses of both parties")
                .contains(lab.getName(), "Hansaring 61", "Köln", "50670", "Germany")
                .contains(client.getName(), "2 Harbour Road", "Rotterdam", "3011 AA", "Netherlands");
        assertThat(text).as("(6) quantity and nature of the services").contains("Water analysis", "16");
        assertThat(text).as("(7) date of supply").contains("Date of supply", "Same as issue date");
        assertThat(text).as("(8) unit price exclusive of tax, discount not in the unit price, taxable amount per rate")
                .contains("348.35", "5573.60", "Framework discount (4%)", "-222.94", "Subtotal (net)", "5350.66",
                        "Unit prices and line amounts are net, excluding tax.", "Taxable amount");
        assertThat(text).as("(9) VAT rate, (10) VAT amount payable").contains("IVA (category S)", "22%", "1177.15", "Total EUR 6527.81");
        assertThat(text).as("remit-to and payment request").contains("Account holder: Laboratory " + lab.getCode() + " GmbH",
                "IBAN: DE89 3704 0044 0532 0130 00", "BIC: COBADEFFXXX", "Payment reference: " + number,
                "Due date", released.get("dueDate").asText(), "Please pay 6527.81 EUR by " + released.get("dueDate").asText());
    }

    @Test
    void aCreditNoteNamesTheCreditedInvoiceByNumberAndDateAndAsksForNoPayment() throws IOException {
        // given a booked invoice
        long id = invoiceWithDiscountAndVat();
        JsonNode invoice = action(id, "release");
        action(id, "authorise");
        action(id, "transmit");
        management.createJobQuery().executable().list().stream().map(Job::getId).forEach(management::executeJob);
        action(id, "book");

        // when it is credited
        JsonNode creditNote = action(id, "credit");

        // then
        String text = pdfText(creditNote.get("id").asLong(), 0);
        assertThat(text).contains("CREDIT NOTE", creditNote.get("number").asText(), "Credits invoice", invoice.get("number").asText(),
                "Credited invoice date", invoice.get("invoiceDate").asText(), "Nothing is to be paid", "-6527.81",
                "Tax ID: DE123456789", "Tax ID: NL859048535B01", "Hansaring 61", "2 Harbour Road", "IBAN: DE89 3704 0044 0532 0130 00");
        assertThat(text).doesNotContain("Due date", "Please pay", "Payment reference", "Credits invoice " + id);
    }

    @Test
    void estimatesShowTheSameSellerAndBuyerButAskForNoPayment() throws IOException {
        // given an invoice still INITIAL
        long id = initialInvoiceWithDiscountAndVat();

        // when
        ResponseEntity<JsonNode> estimate = post("/api/invoices/" + id + "/documents/estimate");

        // then
        assertThat(estimate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String text = pdfText(id, 0);
        assertThat(text).contains("ESTIMATE", "Tax ID: DE123456789", "Hansaring 61", "Tax ID: NL859048535B01", "BIC: COBADEFFXXX",
                "not an invoice");
        assertThat(text).doesNotContain("Due date", "Please pay");
    }

    private long invoiceWithDiscountAndVat() {
        long id = initialInvoiceWithDiscountAndVat();
        action(id, "draft");
        return id;
    }

    private long initialInvoiceWithDiscountAndVat() {
        long id = post("/api/invoices", "{\"laboratoryCode\":\"" + lab.getCode() + "\",\"clientCode\":\"" + client.getCode()
                + "\",\"jobNumber\":\"J-226\"}").getBody().get("id").asLong();
        post("/api/invoices/" + id + "/lines", "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Water analysis\",\"quantity\":16,\"unitPrice\":348.35}");
        post("/api/invoices/" + id + "/lines", "{\"kind\":\"DISCOUNT\",\"description\":\"Framework discount\",\"percent\":4}");
        post("/api/invoices/" + id + "/lines", "{\"kind\":\"TAX\",\"description\":\"IVA\",\"percent\":22}");
        return id;
    }

    private String pdfText(long invoiceId, int index) throws IOException {
        JsonNode documents = http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/invoices/" + invoiceId + "/documents", JsonNode.class).getBody();
        byte[] pdf = http.withBasicAuth(office, Fixtures.PASSWORD)
                .getForEntity("/api/invoices/" + invoiceId + "/documents/" + documents.get(index).get("id").asLong(), byte[].class).getBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    private JsonNode action(long id, String action) {
        ResponseEntity<JsonNode> response = post("/api/invoices/" + id + "/" + action);
        assertThat(response.getStatusCode()).as(action + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> post(String path) {
        return post(path, "");
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return ApiCalls.post(http.withBasicAuth(office, Fixtures.PASSWORD), path, json);
    }
}
