package com.billflow.directory;

import com.billflow.BillflowProperties;
import com.billflow.common.IllegalStatusException;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.billflow.support.ApiCalls.assertBad;
import static com.billflow.support.ApiCalls.post;
import static com.billflow.support.ApiCalls.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One number, one document (SPEC §5): a laboratory's pattern that could repeat another series'
 * numbers, or that gives numbers too long for an accounting target, is refused when saved; the
 * configured surgical case patterns are checked at startup; and the database refuses a number
 * twice even when overlapping patterns got in some other way.
 */
class NumberSeriesPatternsTest extends IntegrationTest {


    @Autowired
    TestRestTemplate http;
    @Autowired
    LaboratoryRepository laboratories;
    @Autowired
    BillflowProperties properties;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;
    @Autowired
    JdbcTemplate jdbc;

    String admin;

    @BeforeEach
    void user() {
        admin = fixtures.user(Groups.ADMIN);
    }

    @Test
    void aPatternOfTheSurgicalCaseInvoicesIsRefusedNamingThatSeries() {
        String code = Fixtures.laboratoryCode();
        assertBad(post(as(), "/api/laboratories", body(code, "INV-{YYYY}-{SEQ:6}", null)), 400,
                "invoiceNumberPattern of laboratory " + code + " 'INV-{YYYY}-{SEQ:6}' could give the same numbers as the surgical case invoices "
                        + "(billflow.surgical-case.invoice-number-pattern) 'INV-{YYYY}-{SEQ:6}', e.g. INV-0000-000000");
        assertBad(post(as(), "/api/laboratories", body(code, "SC-{YYYY}-{SEQ:5}", null)), 400, "the surgical case numbers");
        assertThat(laboratories.existsById(code)).isFalse();
    }

    @Test
    void aPatternThatCouldRepeatAnotherLaboratorysNumbersIsRefusedOnCreateAndOnChange() {
        // given a laboratory with the default patterns
        Laboratory first = fixtures.laboratory(false, false, false, false);
        String code = Fixtures.laboratoryCode();

        // then a second one may not take its invoice pattern, nor one that meets its credit notes
        assertBad(post(as(), "/api/laboratories", body(code, first.getInvoiceNumberPattern(), null)), 400,
                "could give the same numbers as invoiceNumberPattern of laboratory " + first.getCode());
        assertBad(post(as(), "/api/laboratories", body(code, first.getCode() + "-CN-{YY}{MM}-{SEQ:5}", null)), 400,
                "could give the same numbers as creditNoteNumberPattern of laboratory " + first.getCode() + " '" + first.getCode() + "-CN-{YYYY}-{SEQ:5}'");

        // and a laboratory saved with its own patterns cannot be changed to the other's
        assertThat(post(as(), "/api/laboratories", body(code, null, null)).getStatusCode().value()).isEqualTo(201);
        assertBad(put(as(), "/api/laboratories/" + code, body(code, null, first.getProposalNumberPattern())), 400,
                "proposalNumberPattern of laboratory " + code);
        assertThat(laboratories.findById(code).orElseThrow().getProposalNumberPattern()).isEqualTo(code + "-PR-{YYYY}-{SEQ:5}");
    }

    @Test
    void aPatternWhoseNumbersAreTooLongForQuickBooksOnlineIsRefused() {
        String code = Fixtures.laboratoryCode();
        assertBad(post(as(), "/api/laboratories", body(code, code + "-INVOICE-{YYYY}-{SEQ:6}", null)), 400,
                "invoiceNumberPattern: Numbering pattern '" + code + "-INVOICE-{YYYY}-{SEQ:6}' gives numbers of up to 26 characters, "
                        + "but QuickBooks Online imports an *InvoiceNo of at most 21");
        // a seven-character code leaves no room for the default pattern
        assertBad(post(as(), "/api/laboratories", "{\"code\":\"" + code + "X\",\"name\":\"Lab\",\"currency\":\"EUR\"}"), 400,
                "(the default for this code): set invoiceNumberPattern yourself");
    }

    @Test
    void theConfiguredSurgicalPatternsAreCheckedAtStartup() {
        Laboratory lab = fixtures.laboratory(false, false, false, false);

        assertThatThrownBy(() -> startWith(lab.getInvoiceNumberPattern(), "SC-{YYYY}-{SEQ:5}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the surgical case invoices (billflow.surgical-case.invoice-number-pattern) '" + lab.getInvoiceNumberPattern()
                        + "' could give the same numbers as invoiceNumberPattern of laboratory " + lab.getCode());
        assertThatThrownBy(() -> startWith("INV-{YYYY}-{SEQ:6}", "INV-{YYYY}-{SEQ:6}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could give the same numbers as the surgical case numbers");
        assertThatThrownBy(() -> startWith("SURGICAL-INVOICE-{YYYY}-{SEQ:6}", "SC-{YYYY}-{SEQ:5}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QuickBooks Online");
        startWith(properties.surgicalCase().invoiceNumberPattern(), properties.surgicalCase().caseNumberPattern());
    }

    @Test
    void theDatabaseRefusesANumberTwiceEvenWhenOverlappingPatternsGotIn() {
        // given two laboratories whose invoice patterns were made equal behind the application's back
        Laboratory first = fixtures.laboratory(false, false, false, false);
        Laboratory second = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.FAX);
        Long firstInvoice = fixtures.newInvoice(first, client);
        Long secondInvoice = fixtures.newInvoice(second, client);
        Caller office = fixtures.caller(fixtures.officeManagerOf(first, second));
        tasks.perform(firstInvoice, InvoiceAction.DRAFT, null, office);
        tasks.perform(secondInvoice, InvoiceAction.DRAFT, null, office);
        jdbc.update("update laboratory set invoice_number_pattern = ? where code = ?", first.getInvoiceNumberPattern(), second.getCode());
        try {
            // when both are released
            String number = tasks.perform(firstInvoice, InvoiceAction.RELEASE, null, office).getNumber();

            // then the second is refused (409) and nothing of it changed
            assertThatThrownBy(() -> tasks.perform(secondInvoice, InvoiceAction.RELEASE, null, office)).isInstanceOf(IllegalStatusException.class)
                    .hasMessageContaining("Number " + number + " already belongs to a document of lab:" + first.getCode() + ":invoice");
            assertThat(invoices.get(secondInvoice).getNumber()).isNull();
            assertThat(invoices.get(secondInvoice).getStatus().name()).isEqualTo("DRAFT");
            assertThat(jdbc.queryForObject("select count(*) from document_number where number = ?", Integer.class, number)).isEqualTo(1);
        } finally {
            jdbc.update("update laboratory set invoice_number_pattern = ? where code = ?", second.getInvoiceNumberPattern(), second.getCode());
        }
    }

    private void startWith(String invoicePattern, String casePattern) {
        BillflowProperties configured = new BillflowProperties(properties.defaultCurrency(), properties.seller(), properties.remitTo(),
                properties.mail(), new BillflowProperties.SurgicalCase(casePattern, invoicePattern, false), properties.demo());
        new NumberSeriesPatterns(laboratories, configured).run(null);
    }

    private static String body(String code, String invoicePattern, String proposalPattern) {
        return "{\"code\":\"" + code + "\",\"name\":\"Lab " + code + "\",\"currency\":\"EUR\""
                + (invoicePattern == null ? "" : ",\"invoiceNumberPattern\":\"" + invoicePattern + "\"")
                + (proposalPattern == null ? "" : ",\"proposalNumberPattern\":\"" + proposalPattern + "\"") + "}";
    }

    private TestRestTemplate as() {
        return http.withBasicAuth(admin, Fixtures.PASSWORD);
    }
}
