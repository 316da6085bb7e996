package com.billflow.export;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.billflow.support.ApiCalls.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounting exports hold only documents that exist for accounting (SPEC §6): laboratory
 * invoices and credit notes from AUTHORISED on, never cancelled, rejected, merged, unauthorised
 * or proposals; case invoices once numbered. Each CSV is parsed back and its numbers checked.
 */
class AccountingExportTest extends IntegrationTest {

    private static final Caller ADMIN = new Caller("export-test", List.of(Groups.ADMIN));

    @Autowired
    TestRestTemplate http;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    Laboratory lab;
    Client client;
    String admin;

    @BeforeEach
    void data() {
        lab = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.FAX);
        admin = fixtures.user(Groups.ADMIN);
    }

    @Test
    void theRangeExportHoldsIssuedInvoicesAndCreditNotesFromAuthorisedOnAndNothingElse() throws Exception {
        // given laboratory documents in every status that has a number
        Invoice released = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE);
        Invoice authorised = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        Invoice transmitted = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
        Invoice paid = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT,
                InvoiceAction.BOOK, InvoiceAction.PAY);
        Invoice credited = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT,
                InvoiceAction.BOOK);
        Invoice releasedCreditNote = tasks.perform(credited.getId(), InvoiceAction.CREDIT, null, ADMIN);
        Invoice booked = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT,
                InvoiceAction.BOOK);
        Invoice authorisedCreditNote = walk(tasks.perform(booked.getId(), InvoiceAction.CREDIT, null, ADMIN), InvoiceAction.AUTHORISE);
        Invoice cancelled = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        tasks.perform(cancelled.getId(), InvoiceAction.CANCEL, "Job withdrawn", ADMIN);
        Invoice rejected = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
        tasks.perform(rejected.getId(), InvoiceAction.REJECT, "Wrong PO", ADMIN);
        Invoice proposal = walk(proposal(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);

        // when the range is exported, in both formats
        for (String format : List.of("xero", "quickbooks")) {
            Set<String> numbers = numbersInRange(format);

            // then only what exists for accounting is in it
            assertThat(numbers).as(format).contains(number(authorised), number(transmitted), number(paid), number(credited),
                    number(booked), number(authorisedCreditNote));
            assertThat(numbers).as(format).doesNotContain(number(released), number(releasedCreditNote), number(cancelled),
                    number(rejected), number(proposal));
        }
    }

    @Test
    void aSingleCsvOfADocumentThatIsNotForAccountingIsA409ThatSaysWhy() throws Exception {
        Invoice released = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE);
        Invoice cancelled = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE);
        tasks.perform(cancelled.getId(), InvoiceAction.CANCEL, "Job withdrawn", ADMIN);
        Invoice rejected = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
        tasks.perform(rejected.getId(), InvoiceAction.REJECT, "Wrong PO", ADMIN);
        Invoice mergedAway = invoice();
        invoices.merge(List.of(invoice().getId(), mergedAway.getId()), "export-test");

        assertBad(csv("/api/invoices/" + released.getId() + ".csv"), 409, "is RELEASED: only invoices and credit notes from AUTHORISED on");
        assertBad(csv("/api/invoices/" + cancelled.getId() + ".csv"), 409, "is CANCELLED");
        assertBad(csv("/api/invoices/" + rejected.getId() + ".csv"), 409, "is REJECTED");
        assertBad(csv("/api/invoices/" + mergedAway.getId() + ".csv"), 409, "is MERGED");
        assertBad(csv("/api/invoices/" + proposal().getId() + ".csv?format=quickbooks"), 409, "proposals are not exported");

        // and an authorised one is exported, its number on every row
        Invoice authorised = walk(invoice(), InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        ResponseEntity<String> ok = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity("/api/invoices/" + authorised.getId() + ".csv", String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(parse(ok.getBody())).extracting(r -> r.get("*InvoiceNumber")).containsOnly(number(authorised));
    }

    @Test
    void aCancelledCaseHasNoInvoiceToExport() {
        SurgicalCase submitted = fixtures.submittedCase(false);
        cases.cancel(submitted.getId());

        assertBad(csv("/api/surgical-cases/" + submitted.getId() + "/invoice.csv"), 409, "cancelled cases are not exported");
    }

    private Invoice invoice() {
        return create(InvoiceType.PRODUCTION);
    }

    private Invoice proposal() {
        return create(InvoiceType.PROPOSAL);
    }

    private Invoice create(InvoiceType type) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), Fixtures.unique("J-"), null, type), "export-test");
        return invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Soil", BigDecimal.ONE, new BigDecimal("80.00"), null), "export-test");
    }

    /** Carries out the actions one after another, each to its next wait state; answers the invoice as it is then. */
    private Invoice walk(Invoice invoice, InvoiceAction... actions) {
        for (InvoiceAction action : actions) {
            tasks.perform(invoice.getId(), action, null, ADMIN);
            ProcessInstance instance = runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoice.getId()).singleResult();
            if (instance != null) {
                management.createJobQuery().processInstanceId(instance.getId()).executable().list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
        }
        return invoices.get(invoice.getId());
    }

    private String number(Invoice invoice) {
        String number = invoices.get(invoice.getId()).getNumber();
        assertThat(number).as(invoice.describe() + " has a number").isNotNull();
        return number;
    }

    /** The document numbers of both files of the range export: the invoices and the credit notes. */
    private Set<String> numbersInRange(String format) throws Exception {
        LocalDate today = LocalDate.now(clock);
        String range = "/api/exports/invoices.csv?format=" + format + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        String invoices = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(range, String.class).getBody();
        String creditNotes = http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(range + "&type=credit-notes", String.class).getBody();
        String invoiceColumn = format.equals("xero") ? "*InvoiceNumber" : "*InvoiceNo";
        String creditNoteColumn = format.equals("xero") ? "*CreditNoteNumber" : "*CreditNoteNo";
        Set<String> numbers = parse(invoices).stream().map(r -> r.get(invoiceColumn)).collect(Collectors.toSet());
        parse(creditNotes).stream().map(r -> r.get(creditNoteColumn)).forEach(numbers::add);
        return numbers;
    }

    private ResponseEntity<JsonNode> csv(String path) {
        return http.withBasicAuth(admin, Fixtures.PASSWORD).getForEntity(path, JsonNode.class);
    }

    private static List<CSVRecord> parse(String text) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
