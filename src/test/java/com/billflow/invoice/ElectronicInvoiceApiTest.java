package com.billflow.invoice;

import com.billflow.directory.Address;
import com.billflow.directory.BankDetails;
import com.billflow.directory.Client;
import com.billflow.directory.ClientRequest;
import com.billflow.directory.ClientService;
import com.billflow.directory.EInvoiceDelivery;
import com.billflow.directory.EInvoiceSettings;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryRequest;
import com.billflow.directory.LaboratoryService;
import com.billflow.directory.PaymentReferenceRule;
import com.billflow.directory.TaxMapping;
import com.billflow.directory.TransmitBy;
import com.billflow.document.StoredDocument;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.document.einvoice.EInvoiceValidators;
import com.billflow.security.Groups;
import com.billflow.support.ApiCalls;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.ubl21.UBL21Marshaller;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementHeaderMonetarySummationType;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EN 16931 e-invoices of real laboratory documents over REST: each one the tests make (discounts, rebates, surcharges,
 * standard, reduced, zero-rated, exempt and reverse-charge VAT, EUR, JPY and KWD, a credit note) passes the EN 16931
 * and Peppol BIS 3.0 rules (phive) and, as Factur-X, Mustang's PDF/A-3 and XML validation; the totals read back from
 * the XML are the API's. Transmission to a client on the e-invoice channel mails both files once and writes the
 * outbox; authorising what could not be valid is refused naming the fields.
 */
class ElectronicInvoiceApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    LaboratoryService laboratories;
    @Autowired
    ClientService clients;
    @Autowired
    PeppolOutbox outbox;

    @Test
    void invoiceWithDiscountRebateSurchargeAndItsCreditNoteAreValidAndTransmittedAsEInvoices() throws Exception {
        // given a German laboratory and a client on the e-invoice channel (mail and outbox, UBL preferred)
        Laboratory lab = laboratory("EUR", "+49 221 123456", new TaxMapping(new BigDecimal("19"), null, null, "S"),
                new TaxMapping(new BigDecimal("7"), null, null, "S"));
        Client client = einvoiceClient(EInvoiceDelivery.EMAIL_AND_OUTBOX, "Germany", "DE811128135");
        String admin = fixtures.user(Groups.ADMIN);
        long id = invoice(admin, lab, client, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Soil, PAH-16 by GC-MS\",\"quantity\":8,\"unitPrice\":124.00}",
                "{\"kind\":\"COST\",\"description\":\"Courier\",\"quantity\":1,\"unitPrice\":85.00}",
                "{\"kind\":\"SURCHARGE\",\"description\":\"Express turnaround\",\"percent\":20}",
                "{\"kind\":\"REBATE\",\"description\":\"Annual volume rebate\",\"percent\":3}",
                "{\"kind\":\"DISCOUNT\",\"description\":\"Framework discount\",\"percent\":7.5}",
                "{\"kind\":\"TAX\",\"description\":\"VAT 19%\",\"percent\":19}");
        // not yet issued: no e-invoice
        assertThat(einvoice(admin, id, "ubl").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        action(admin, id, "draft");
        action(admin, id, "release");
        action(admin, id, "authorise");

        // when it is fetched in both formats
        JsonNode api = get(admin, id);
        byte[] ubl = validUbl(admin, id, false);
        byte[] facturX = validFacturX(admin, id);

        // then the totals in the XML are the API's
        InvoiceType parsed = UBL21Marshaller.invoice().read(ubl);
        assertThat(parsed.getLegalMonetaryTotal().getTaxExclusiveAmountValue()).isEqualByComparingTo(api.get("subtotal").decimalValue());
        assertThat(parsed.getTaxTotal().get(0).getTaxAmountValue()).isEqualByComparingTo(api.get("taxTotal").decimalValue());
        assertThat(parsed.getLegalMonetaryTotal().getPayableAmountValue()).isEqualByComparingTo(api.get("total").decimalValue());
        assertThat(parsed.getAllowanceCharge()).hasSize(3);
        assertThat(parsed.getInvoiceLine()).hasSize(2);
        assertThat(String.valueOf(parsed.getDueDateValueLocal())).isEqualTo(api.get("dueDate").asText());
        TradeSettlementHeaderMonetarySummationType sums = cii(facturX).getSupplyChainTradeTransaction().getApplicableHeaderTradeSettlement()
                .getSpecifiedTradeSettlementHeaderMonetarySummation();
        assertThat(sums.getGrandTotalAmount().get(0).getValue()).isEqualByComparingTo(api.get("total").decimalValue());
        assertThat(sums.getTaxTotalAmount().get(0).getValue()).isEqualByComparingTo(api.get("taxTotal").decimalValue());

        // when it is transmitted (the async delivery step runs)
        action(admin, id, "transmit");
        runJobs(id);
        assertThat(fixtures.invoiceStatus(id)).isEqualTo("TRANSMITTED");

        // then one mail carries the UBL XML and the Factur-X PDF, the outbox holds the UBL, and the history names both and their SHA-256
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(attachmentNames(mails[0])).containsExactly(api.get("number").asText() + ".xml", api.get("number").asText() + ".pdf");
        Path written = outbox.directory().resolve(api.get("number").asText() + ".xml");
        assertThat(EInvoiceValidators.ublErrors(Files.readAllBytes(written), false)).isEmpty();
        String sha256 = StoredDocument.sha256Of(Files.readAllBytes(written));
        JsonNode history = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/history", JsonNode.class).getBody();
        assertThat(history.toString()).contains("by einvoice to Peppol outbox", "SHA-256 " + sha256, "e-mail to " + client.getInvoiceContactEmail());

        // and its credit note is a valid UBL CreditNote that references it
        action(admin, id, "book");
        long creditNoteId = action(admin, id, "credit").get("id").asLong();
        action(admin, creditNoteId, "authorise");
        CreditNoteType creditNote = UBL21Marshaller.creditNote().read(validUbl(admin, creditNoteId, true));
        assertThat(creditNote.getBillingReference().get(0).getInvoiceDocumentReference().getIDValue()).isEqualTo(api.get("number").asText());
        assertThat(creditNote.getLegalMonetaryTotal().getPayableAmountValue()).isEqualByComparingTo(api.get("total").decimalValue());
        validFacturX(admin, creditNoteId);
    }

    @Test
    void zeroAndThreeDecimalCurrenciesZeroRatedExemptAndReverseChargeAreValid() throws Exception {
        String admin = fixtures.user(Groups.ADMIN);
        Client german = einvoiceClient(EInvoiceDelivery.OUTBOX, "DE", "DE811128135");
        // JPY, reduced rate 7 %, a discount that rounds to whole yen
        Laboratory yen = laboratory("JPY", "+49 221 123456", new TaxMapping(new BigDecimal("7"), null, null, "S"));
        issuedAndValid(admin, yen, german, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Assay\",\"quantity\":3,\"unitPrice\":12345}",
                "{\"kind\":\"DISCOUNT\",\"description\":\"Discount\",\"percent\":3.3}", "{\"kind\":\"TAX\",\"description\":\"VAT\",\"percent\":7}");
        // KWD (three decimals), zero-rated: amounts that fit two decimals
        Laboratory dinar = laboratory("KWD", "+49 221 123456", new TaxMapping(BigDecimal.ZERO, null, null, "Z"));
        issuedAndValid(admin, dinar, german, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Assay\",\"quantity\":4,\"unitPrice\":12.125}",
                "{\"kind\":\"SURCHARGE\",\"description\":\"Express\",\"percent\":10}");
        // exempt, with the reason
        Laboratory exempt = laboratory("EUR", "+49 221 123456", new TaxMapping(BigDecimal.ZERO, null, null, "E",
                "Exempt under Art. 132 (1)(b) Directive 2006/112/EC (medical care)"));
        issuedAndValid(admin, exempt, german, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Clinical assay\",\"quantity\":2,\"unitPrice\":99.99}");
        // reverse charge for a French client
        Laboratory reverse = laboratory("EUR", "+49 221 123456", new TaxMapping(BigDecimal.ZERO, null, null, "AE"));
        issuedAndValid(admin, reverse, einvoiceClient(EInvoiceDelivery.OUTBOX, "France", "FR40303265045"),
                "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Assay\",\"quantity\":1,\"unitPrice\":500.00}",
                "{\"kind\":\"REBATE\",\"description\":\"Rebate\",\"percent\":2}");
    }

    @Test
    void whatCannotBeValidIsRefusedAtAuthoriseNamingTheFieldsAndBadRequestsAreClear() {
        String admin = fixtures.user(Groups.ADMIN);
        Laboratory noPhone = laboratory("KWD", null, new TaxMapping(BigDecimal.ZERO, null, null, "E"));
        Client client = einvoiceClient(EInvoiceDelivery.EMAIL, "Germany", "DE811128135");
        long id = invoice(admin, noPhone, client, "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Assay\",\"quantity\":1,\"unitPrice\":12.345}");
        action(admin, id, "draft");
        action(admin, id, "release");

        ResponseEntity<JsonNode> refused = ApiCalls.post(http.withBasicAuth(admin, Fixtures.PASSWORD), "/api/invoices/" + id + "/authorise", "");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("laboratory.phone", "exemptionReason", "amounts");
        assertThat(fixtures.invoiceStatus(id)).isEqualTo("RELEASED");
        assertThat(einvoice(admin, id, "xml").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // another laboratory's office manager: as if it did not exist
        String stranger = fixtures.officeManagerOf(laboratory("EUR", null));
        assertThat(einvoice(stranger, id, "ubl").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void issuedAndValid(String admin, Laboratory lab, Client client, String... lines) throws Exception {
        long id = invoice(admin, lab, client, lines);
        action(admin, id, "draft");
        action(admin, id, "release");
        action(admin, id, "authorise");
        JsonNode api = get(admin, id);
        InvoiceType parsed = UBL21Marshaller.invoice().read(validUbl(admin, id, false));
        assertThat(parsed.getLegalMonetaryTotal().getPayableAmountValue()).as(lab.getCurrency() + " total")
                .isEqualByComparingTo(api.get("total").decimalValue());
        assertThat(cii(validFacturX(admin, id)).getSupplyChainTradeTransaction().getApplicableHeaderTradeSettlement()
                .getSpecifiedTradeSettlementHeaderMonetarySummation().getGrandTotalAmount().get(0).getValue())
                .isEqualByComparingTo(api.get("total").decimalValue());
    }

    private byte[] validUbl(String user, long id, boolean creditNote) {
        ResponseEntity<byte[]> response = einvoice(user, id, "ubl");
        assertThat(response.getStatusCode()).as(new String(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(EInvoiceValidators.ublErrors(response.getBody(), creditNote)).as(new String(response.getBody())).isEmpty();
        assertThat(response.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(StoredDocument.sha256Of(response.getBody()));
        return response.getBody();
    }

    private byte[] validFacturX(String user, long id) throws Exception {
        ResponseEntity<byte[]> response = einvoice(user, id, "facturx");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(EInvoiceValidators.facturXErrors(response.getBody())).isEmpty();
        assertThat(EInvoiceValidators.ciiErrors(ciiXml(response.getBody()))).isEmpty();
        return response.getBody();
    }

    private static byte[] ciiXml(byte[] facturX) throws Exception {
        return new ZUGFeRDInvoiceImporter(new ByteArrayInputStream(facturX)).getUTF8().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CrossIndustryInvoiceType cii(byte[] facturX) throws Exception {
        return new CIID16BCrossIndustryInvoiceTypeMarshaller().read(ciiXml(facturX));
    }

    private ResponseEntity<byte[]> einvoice(String user, long id, String format) {
        return http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/invoices/" + id + "/einvoice?format=" + format, HttpMethod.GET,
                null, byte[].class);
    }

    private Laboratory laboratory(String currency, String phone, TaxMapping... mappings) {
        String code = Fixtures.laboratoryCode();
        return laboratories.create(new LaboratoryRequest(code, "Laboratory " + code, currency, null, null, null,
                "billing@" + code.toLowerCase() + ".example", null, null, false, false, false, false, 30, List.of(mappings),
                new Address("Hansaring 61", null, "Köln", null, "50670", "Germany"), "DE123456789",
                new BankDetails("Laboratory " + code + " GmbH", "DE89370400440532013000", "COBADEFFXXX", null, null),
                PaymentReferenceRule.INVOICE_NUMBER, phone));
    }

    private Client einvoiceClient(EInvoiceDelivery delivery, String country, String vatId) {
        String code = Fixtures.unique("C").toUpperCase();
        return clients.create(new ClientRequest(code, "Client " + code, new Address("Uferstraße 12", null, "Köln", null, "50668", country),
                "invoices@" + code.toLowerCase() + ".example", TransmitBy.EINVOICE, vatId,
                new EInvoiceSettings(vatId.startsWith("FR") ? "9957" : "9930", vatId, EInvoiceFormat.UBL, delivery)));
    }

    private long invoice(String user, Laboratory lab, Client client, String... lines) {
        long id = ApiCalls.post(http.withBasicAuth(user, Fixtures.PASSWORD), "/api/invoices",
                "{\"laboratoryCode\":\"" + lab.getCode() + "\",\"clientCode\":\"" + client.getCode() + "\",\"jobNumber\":\"" + Fixtures.unique("J-")
                        + "\"}").getBody().get("id").asLong();
        for (String line : lines) {
            ResponseEntity<JsonNode> added = ApiCalls.post(http.withBasicAuth(user, Fixtures.PASSWORD), "/api/invoices/" + id + "/lines", line);
            assertThat(added.getStatusCode().is2xxSuccessful()).as(String.valueOf(added.getBody())).isTrue();
        }
        return id;
    }

    private JsonNode action(String user, long id, String action) {
        ResponseEntity<JsonNode> response = ApiCalls.post(http.withBasicAuth(user, Fixtures.PASSWORD), "/api/invoices/" + id + "/" + action, "");
        assertThat(response.getStatusCode()).as(action + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode get(String user, long id) {
        return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id, JsonNode.class).getBody();
    }

    private void runJobs(long invoiceId) {
        String instance = runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoiceId).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.executeJob(job.getId()));
    }

    private static List<String> attachmentNames(MimeMessage mail) throws Exception {
        List<String> names = new ArrayList<>();
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getFileName() != null) {
                names.add(multipart.getBodyPart(i).getFileName());
            }
        }
        return names;
    }
}
