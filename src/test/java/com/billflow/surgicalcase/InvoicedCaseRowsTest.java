package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's reads by key hand out every invoiced case once, in order, whatever the number of cases per read. */
class InvoicedCaseRowsTest extends IntegrationTest {

    private static final Caller ADMIN = new Caller("rows-test", List.of(Groups.ADMIN));

    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseTasks tasks;
    @Autowired
    FacilityService facilities;
    @Autowired
    SurgicalCaseDocuments documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void readsOfTwoCasesGiveWhatOneReadGives() {
        // given five invoiced cases, over two days, and one cancelled case, on days no other test uses
        clock.advance(Duration.ofDays(40_000 + ThreadLocalRandom.current().nextInt(10_000)));
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i == 3) {
                clock.advance(Duration.ofDays(1));
            }
            SurgicalCase surgicalCase = cases.submit(Fixtures.request(facility.getCode(), rep, LocalDate.now(clock)), fixtures.caller(rep));
            tasks.addPurchaseOrders(surgicalCase.getId(), "PO-" + i, null, ADMIN);
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult().getId();
            management.createJobQuery().processInstanceId(instance).executable().list().forEach(job -> management.executeJob(job.getId()));
            numbers.add(cases.get(surgicalCase.getId()).getInvoiceNumber());
        }
        cases.cancel(cases.submit(Fixtures.request(facility.getCode(), rep, LocalDate.now(clock)), fixtures.caller(rep)).getId());
        LocalDate last = LocalDate.now(clock);

        // when read two cases at a time, and all at once
        List<AccountingInvoice> byTwo = read(2, last.minusDays(1), last);
        List<AccountingInvoice> atOnce = read(500, last.minusDays(1), last);

        // then
        assertThat(byTwo).extracting(AccountingInvoice::invoiceNumber).containsExactlyElementsOf(numbers);
        assertThat(byTwo).isEqualTo(atOnce).allSatisfy(invoice -> assertThat(invoice.lines()).hasSize(3));
        assertThat(read(2, last, last)).extracting(AccountingInvoice::invoiceNumber).containsExactlyElementsOf(numbers.subList(3, 5));
    }

    private List<AccountingInvoice> read(int casesPerRead, LocalDate from, LocalDate to) {
        InvoicedCaseRows rows = new InvoicedCaseRows(jdbc, facilities, documents, casesPerRead);
        return new TransactionTemplate(transactionManager).execute(status -> rows.between(from, to).toList());
    }
}
