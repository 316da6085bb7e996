package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.security.Groups;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.billflow.support.ApiCalls.assertBad;
import static com.billflow.support.ApiCalls.post;
import static com.billflow.support.ApiCalls.put;
import static org.assertj.core.api.Assertions.assertThat;

/** The surgical case REST API as an integration or the console calls it, with HTTP Basic users. */
class SurgicalCaseApiTest extends IntegrationTest {

    static final List<String> XERO_HEADER = List.of("*ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2", "POAddressLine3",
            "POAddressLine4", "POCity", "PORegion", "POPostalCode", "POCountry", "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate",
            "Total", "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount", "*AccountCode", "*TaxType", "TaxAmount", "TrackingName1",
            "TrackingOption1", "TrackingName2", "TrackingOption2", "Currency", "BrandingTheme");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    Facility facility;
    String rep;
    String billing;
    String admin;

    @BeforeEach
    void users() {
        facility = fixtures.facility(false);
        rep = fixtures.user(Groups.SALES_REP);
        billing = fixtures.user(Groups.BILLING);
        admin = fixtures.user(Groups.ADMIN);
    }

    @Test
    void aRepSubmitsACaseAndAddsTheOnePoForAllManufacturers() {
        // when
        ResponseEntity<JsonNode> created = post(as(rep), "/api/surgical-cases", caseBody(null));

        // then
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = created.getBody();
        assertThat(body.get("status").asText()).isEqualTo("PENDING_PO");
        assertThat(body.get("rep").asText()).isEqualTo(rep);
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("1588.38");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/surgical-cases/" + body.get("id").asLong());

        // when
        JsonNode withPo = put(as(rep), "/api/surgical-cases/" + body.get("id").asLong() + "/purchase-orders", "{\"allManufacturers\":\" PO-77 \"}").getBody();

        // then
        assertThat(withPo.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(withPo.at("/purchaseOrders/allManufacturers").asText()).isEqualTo("PO-77");
    }

    @Test
    void theWholeLifecycleOverRestWithPdfAndCsv() throws Exception {
        // given a case with one PO per manufacturer, invoiced
        long id = submit();
        assertThat(put(as(billing), "/api/surgical-cases/" + id + "/purchase-orders",
                "{\"byManufacturer\":{\"Acme Ortho\":\"A-1\",\"Zimmer\":\"Z-2\"}}").getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs();

        // then billing downloads the PDF, and it reads right
        ResponseEntity<byte[]> pdf = as(billing).getForEntity("/api/surgical-cases/" + id + "/invoice.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String invoiceNumber = get(as(billing), id).get("invoiceNumber").asText();
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains(invoiceNumber, "PO (Acme Ortho)", "A-1", "Z-2", facility.getName(), "1588.38");
        }
        assertThat(as(rep).getForEntity("/api/surgical-cases/" + id + "/invoice.pdf", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // and the Xero CSV is for administrators only and parses back
        assertThat(as(billing).getForEntity("/api/surgical-cases/" + id + "/invoice.csv?format=xero", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        List<CSVRecord> xero = csv(as(admin).getForEntity("/api/surgical-cases/" + id + "/invoice.csv?format=xero", String.class).getBody(), XERO_HEADER);
        assertThat(xero).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("*InvoiceNumber")).isEqualTo(invoiceNumber);
            assertThat(row.get("Reference")).isEqualTo("Acme Ortho: A-1; Zimmer: Z-2");
            assertThat(row.get("Currency")).isEqualTo("USD");
            // surgical case invoices carry no tax: the configured untaxed tax type, no tax amount
            assertThat(row.get("*TaxType")).isEqualTo("Tax Exempt");
            assertThat(row.get("TaxAmount")).isEmpty();
        });
        assertThat(xero.get(1).get("*UnitAmount")).isEqualTo("45.25");
        String quickBooks = as(admin).getForEntity("/api/surgical-cases/" + id + "/invoice.csv?format=quickbooks", String.class).getBody();
        assertThat(csv(quickBooks, null).get(0).get("Memo")).isEqualTo("Acme Ortho: A-1; Zimmer: Z-2");
        assertThat(quickBooks).doesNotContain("$");
        String range = as(admin).getForEntity("/api/exports/invoices.csv?format=xero&from=" + LocalDate.now() + "&to=" + LocalDate.now(), String.class).getBody();
        assertThat(csv(range, XERO_HEADER)).extracting(r -> r.get("*InvoiceNumber")).contains(invoiceNumber);

        // when billing emails it with the defaults, then marks both payments
        assertThat(post(as(billing), "/api/surgical-cases/" + id + "/invoice-paid", "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(as(billing), "/api/surgical-cases/" + id + "/invoice/email", "{\"subject\":\"Invoice for you\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Invoice for you");
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(facility.getBillingContacts().get(0).email());
        BigDecimal total = get(as(billing), id).get("total").decimalValue();
        assertThat(get(as(billing), id).get("openAmount").decimalValue()).isEqualByComparingTo(total);
        JsonNode partly = post(as(billing), "/api/surgical-cases/" + id + "/invoice-paid",
                "{\"paymentDate\":\"" + LocalDate.now().minusDays(1) + "\",\"amount\":10.00,\"reference\":\"Cheque 1042\"}").getBody();
        assertThat(partly.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(partly.get("invoicePaid").asBoolean()).isFalse();
        assertThat(partly.get("openAmount").decimalValue()).isEqualByComparingTo(total.subtract(BigDecimal.TEN));
        assertThat(partly.at("/payments/0/kind").asText()).isEqualTo("INVOICE");
        assertThat(partly.at("/payments/0/outcome").asText()).isEqualTo("PARTIAL");
        assertThat(partly.at("/payments/0/reference").asText()).isEqualTo("Cheque 1042");
        assertThat(partly.at("/payments/0/recordedBy").asText()).isEqualTo(billing);
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/invoice-paid", "{\"amount\":" + total + "}"), 400, "more than the open amount");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/invoice-paid", "{\"amount\":-5}"), 400, "must be more than 0");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/invoice-paid", "{\"paymentDate\":\"2026-02-30\"}"), 400, "paymentDate");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/commission-paid", "{}"), 400, "amount is required");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/commission-paid", "{\"amount\":5,\"period\":\"November\"}"), 400,
                "period 'November' must be a month");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/paid", ""), 400, "amount is required");
        assertThat(get(as(billing), id).get("payments")).hasSize(1);
        JsonNode paid = post(as(billing), "/api/surgical-cases/" + id + "/paid",
                "{\"commission\":{\"amount\":25.50,\"period\":\"2026-11-01..2026-11-15\",\"reference\":\"Payroll\"}}").getBody();

        // then the rest of the invoice (the open amount) and the commission are recorded
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("invoicePaid").asBoolean()).isTrue();
        assertThat(paid.get("commissionPaid").asBoolean()).isTrue();
        assertThat(paid.get("openAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.get("payments")).extracting(p -> p.get("kind").asText() + " " + p.get("amount").decimalValue().setScale(2).toPlainString()
                + " " + p.get("outcome").asText()).containsExactly("INVOICE 10.00 PARTIAL",
                "INVOICE " + total.subtract(BigDecimal.TEN).setScale(2).toPlainString() + " FULL", "COMMISSION 25.50 FULL");
        assertThat(paid.at("/payments/2/period").asText()).isEqualTo("2026-11-01..2026-11-15");
        assertThat(post(as(billing), "/api/surgical-cases/" + id + "/cancel", "").getBody().get("message").asText()).contains("is PAID");
    }

    @Test
    void everyCallNeedsCredentialsAndTheRightGroup() {
        long id = submit();
        String office = fixtures.user(Groups.OFFICE_MANAGER);
        String otherRep = fixtures.user(Groups.SALES_REP);

        assertThat(http.getForEntity("/api/surgical-cases/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password also makes Camunda hold back that user's next logins for a few seconds: use a user of its own
        assertThat(http.withBasicAuth(fixtures.user(Groups.BILLING), "wrong").getForEntity("/api/surgical-cases/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(office).getForEntity("/api/surgical-cases/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(otherRep).getForEntity("/api/surgical-cases/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(as(otherRep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"PO\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(rep), "/api/surgical-cases/" + id + "/cancel", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(billing), "/api/facilities", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> denied = as(office).getForEntity("/api/dashboard/pending-po", JsonNode.class);
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(denied.getBody().get("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(get(as(rep), id).get("status").asText()).isEqualTo("PENDING_PO");
    }

    @Test
    void badInputGetsAClearFourHundredAndWritesNothing() {
        long before = jdbc.sql("select count(*) from surgical_case").query(Long.class).single();
        String good = caseBody(null);

        assertBad(post(as(rep), "/api/surgical-cases", "{not json"), 400, "not valid JSON");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"2026-01-15\"", "\"2026-13-45\"")), 400, "procedureDate");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"quantity\":1.5", "\"quantity\":-1")), 400, "lines[1].quantity");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"quantity\":1.5", "\"quantity\":\"lots\"")), 400, "quantity");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace(facility.getCode(), "NOPE")), 400, "not a known facility");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("Dr. Test", "x".repeat(201))), 400, "surgeon");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"USD\"", "\"XXY\"")), 400, "not an ISO 4217");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"USD\"", "\"usd\"")), 400, "currency");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("45.25", "45.125")), 400, "more decimals than USD");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"PT-42A\"", "\"John Smith\"")), 400, "patientRef");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"surgeon\"", "\"surgeonName\"")), 400, "Unknown field 'surgeonName'");
        assertBad(post(as(rep), "/api/surgical-cases", good.replace("\"lines\":[", "\"lines\":[null,")), 400, "lines");
        assertBad(post(as(billing), "/api/surgical-cases", good.replace("\"rep\":null", "\"rep\":\"nobody\"")), 400, "not a user of group sales-rep");
        assertThat(jdbc.sql("select count(*) from surgical_case").query(Long.class).single()).isEqualTo(before);

        long id = submit();
        assertBad(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"  \"}"), 400, "Enter the PO number");
        assertBad(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"byManufacturer\":{\"Acme Ortho\":\"A-1\"}}"), 400, "missing for Zimmer");
        assertBad(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"byManufacturer\":{\"Nobody Inc\":\"A-1\"}}"), 400, "Not a manufacturer");
        assertBad(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"PO\\u0007\"}"), 400, "control characters");
        assertBad(put(as(rep), "/api/surgical-cases/" + id + "/purchase-orders", "{\"allManufacturers\":\"" + "9".repeat(65) + "\"}"), 400, "at most 64");
        assertThat(get(as(rep), id).get("status").asText()).isEqualTo("PENDING_PO");

        assertBad(as(rep).getForEntity("/api/surgical-cases/abc", JsonNode.class), 400, "id 'abc'");
        assertBad(as(rep).getForEntity("/api/surgical-cases/999999999", JsonNode.class), 404, "does not exist");
        assertBad(as(admin).getForEntity("/api/surgical-cases/" + id + "/invoice.csv?format=sage", JsonNode.class), 400, "format=xero");
        assertBad(as(admin).getForEntity("/api/surgical-cases/" + id + "/invoice.pdf", JsonNode.class), 409, "has no invoice yet");
        assertBad(as(admin).getForEntity("/api/exports/invoices.csv?from=2026-02-01&to=2026-01-01", JsonNode.class), 400, "after");
        assertBad(as(admin).getForEntity("/api/exports/invoices.csv?from=yesterday", JsonNode.class), 400, "ISO date");
        assertBad(as(billing).getForEntity("/api/dashboard/pending-po?page=-1", JsonNode.class), 400, "page");
        assertBad(as(billing).getForEntity("/api/dashboard/pending-po?size=1000", JsonNode.class), 400, "size");
        assertBad(post(as(billing), "/api/surgical-cases/" + id + "/invoice/email", "{}"), 409, "PENDING_PO");
    }

    @Test
    void theDashboardPagesPendingCasesOldestEventFirst() {
        // given three cases of one rep, and one that got its PO
        long newest = submitDated(LocalDate.now().minusDays(1));
        long oldest = submitDated(LocalDate.now().minusDays(30));
        long middle = submitDated(LocalDate.now().minusDays(10));
        long done = submitDated(LocalDate.now().minusDays(40));
        put(as(rep), "/api/surgical-cases/" + done + "/purchase-orders", "{\"allManufacturers\":\"PO-1\"}");

        // when the rep looks at their panel, two per page
        JsonNode first = as(rep).getForEntity("/api/dashboard/pending-po?page=0&size=2", JsonNode.class).getBody();
        JsonNode second = as(rep).getForEntity("/api/dashboard/pending-po?page=1&size=2", JsonNode.class).getBody();

        // then
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(first.get("totalValue").decimalValue()).isEqualByComparingTo("4765.14");
        assertThat(first.get("currency").asText()).isEqualTo("USD");
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("items")).extracting(item -> item.get("caseId").asLong()).containsExactly(oldest, middle);
        assertThat(second.get("items")).extracting(item -> item.get("caseId").asLong()).containsExactly(newest);
        assertThat(first.at("/items/0/value").decimalValue()).isEqualByComparingTo("1588.38");
        assertThat(first.at("/items/0/eventDate").asText()).isEqualTo(LocalDate.now().minusDays(30).toString());
        assertThat(first.at("/items/0/facility").asText()).isEqualTo(facility.getName());
    }

    private long submit() {
        return post(as(rep), "/api/surgical-cases", caseBody(null)).getBody().get("id").asLong();
    }

    private long submitDated(LocalDate date) {
        return post(as(rep), "/api/surgical-cases", caseBody(null).replace("2026-01-15", date.toString()))
                .getBody().get("id").asLong();
    }

    private String caseBody(String repField) {
        return """
                {"facilityCode":"%s","surgeon":"Dr. Test","procedure":"Total knee arthroplasty","procedureDate":"2026-01-15",
                 "rep":%s,"patientRef":"PT-42A","currency":"USD","lines":[
                  {"manufacturer":"Acme Ortho","partNumber":"AC-100","lotNumber":"LOT-1","serialNumber":"SN-1","description":"Femoral stem","quantity":1,"unitPrice":1000.00},
                  {"manufacturer":"Acme Ortho","partNumber":"AC-200","lotNumber":"LOT-2","description":"Cement","quantity":1.5,"unitPrice":45.25},
                  {"manufacturer":"Zimmer","partNumber":"ZM-300","serialNumber":"SN-3","description":"Tibial insert","quantity":1,"unitPrice":520.50}]}
                """.formatted(facility.getCode(), repField == null ? "null" : "\"" + repField + "\"");
    }

    private void runJobs() {
        for (Job job : management.createJobQuery().executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, Fixtures.PASSWORD);
    }

    private JsonNode get(TestRestTemplate client, long id) {
        return client.getForEntity("/api/surgical-cases/" + id, JsonNode.class).getBody();
    }

    private static List<CSVRecord> csv(String text, List<String> expectedHeader) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            if (expectedHeader != null) {
                assertThat(parser.getHeaderNames()).containsExactlyElementsOf(expectedHeader);
            }
            return parser.getRecords();
        }
    }
}
