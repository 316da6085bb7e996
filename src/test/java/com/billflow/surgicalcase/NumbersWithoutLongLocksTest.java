package com.billflow.surgicalcase;

import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.support.IntegrationTest;
import com.billflow.support.OpenTransaction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number series is not locked across the slow part of a step (issue 11): while one transaction that
 * took a number is still open (rendering its PDF, starting its process, the engine flushing), another
 * one numbers its own document and commits. Before, the second waited for the first to commit (on H2
 * until the lock timeout). Invoice numbers stay gap-free and a failed step keeps its number for the retry.
 */
class NumbersWithoutLongLocksTest extends IntegrationTest {

    private static final int SECONDS_A_SHORT_STEP_TAKES_AT_MOST = 5;

    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseInvoicing invoicing;
    @Autowired
    DocumentStore documents;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvoiceIsGeneratedWhileAnotherGenerationIsStillRendering() throws Exception {
        // given two cases whose POs are in
        Long first = caseWithPurchaseOrder();
        Long second = caseWithPurchaseOrder();

        // when the first generation has its number but its transaction is still open (as while it renders)
        String[] numbers = new String[2];
        try (OpenTransaction<String> slow = OpenTransaction.begin(transactionManager, () -> invoicing.issueInvoice(first))) {
            numbers[0] = slow.result();
            // then the second is generated and committed meanwhile
            numbers[1] = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactionManager)
                            .execute(status -> invoicing.issueInvoice(second)))
                    .get(SECONDS_A_SHORT_STEP_TAKES_AT_MOST, TimeUnit.SECONDS);
        }

        // and the numbers follow each other: gap-free, no duplicate
        assertThat(sequenceOf(numbers[1])).isEqualTo(sequenceOf(numbers[0]) + 1);
        assertThat(cases.get(first).getInvoiceNumber()).isEqualTo(numbers[0]);
        assertThat(cases.get(second).getInvoiceNumber()).isEqualTo(numbers[1]);
        assertThat(documents.latest(SurgicalCaseInvoicing.OWNER_TYPE, first, DocumentKind.INVOICE)).isPresent();
    }

    @Test
    void aGenerationThatFailsAfterNumberingGetsTheSameNumberOnRetry() {
        // given a case whose POs are in
        Long caseId = caseWithPurchaseOrder();

        // when the generation fails after the number was taken (rendering, storing or the engine's flush)
        String numbered = new TransactionTemplate(transactionManager).execute(status -> {
            String number = invoicing.issueInvoice(caseId);
            status.setRollbackOnly();
            return number;
        });

        // then the case has no invoice (its transaction rolled back), but the number stays reserved for it:
        // the retry issues the invoice with the same number
        assertThat(cases.get(caseId).getInvoiceNumber()).isNull();
        assertThat(documents.latest(SurgicalCaseInvoicing.OWNER_TYPE, caseId, DocumentKind.INVOICE)).isEmpty();
        String retried = new TransactionTemplate(transactionManager).execute(status -> invoicing.issueInvoice(caseId));
        assertThat(retried).isEqualTo(numbered);
        assertThat(cases.get(caseId).getInvoiceNumber()).isEqualTo(numbered);
        assertThat(documents.latest(SurgicalCaseInvoicing.OWNER_TYPE, caseId, DocumentKind.INVOICE)).isPresent();
        // and the number is registered once, the next case getting the next one
        assertThat(jdbc.queryForObject("select count(*) from document_number where number = ?", Long.class, numbered)).isOne();
        Long next = caseWithPurchaseOrder();
        assertThat(sequenceOf(invoicing.issueInvoice(next))).isEqualTo(sequenceOf(numbered) + 1);
    }

    @Test
    void aCaseIsSubmittedWhileAnotherSubmissionIsStillOpen() throws Exception {
        // when one submission (case number taken, process started) has not committed yet
        try (OpenTransaction<String> slow = OpenTransaction.begin(transactionManager, () -> fixtures.submittedCase(false).getCaseNumber())) {
            String firstNumber = slow.result();
            // then another one is submitted and committed meanwhile, with a different number
            String secondNumber = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactionManager)
                            .execute(status -> fixtures.submittedCase(false).getCaseNumber()))
                    .get(SECONDS_A_SHORT_STEP_TAKES_AT_MOST, TimeUnit.SECONDS);
            assertThat(secondNumber).isNotEqualTo(firstNumber);
        }
    }

    private Long caseWithPurchaseOrder() {
        Long id = fixtures.submittedCase(false).getId();
        cases.recordPurchaseOrders(id, "PO-" + id, Map.of());
        return id;
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
