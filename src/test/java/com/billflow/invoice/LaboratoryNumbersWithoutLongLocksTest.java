package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import com.billflow.support.OpenTransaction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A laboratory's number series is not locked across the slow part of Release or Credit (issue 11): while one
 * release of the laboratory has its number, its PDF rendered and its process moved on but has not committed,
 * another release of the same laboratory is numbered and committed. Before, the second waited for the first to
 * commit (on H2 until the lock timeout). The numbers stay gap-free, and a step that rolls back after it was
 * numbered keeps its number for the retry.
 */
class LaboratoryNumbersWithoutLongLocksTest extends IntegrationTest {

    private static final int SECONDS_A_SHORT_STEP_TAKES_AT_MOST = 5;
    private static final Caller ADMIN = new Caller("numbers-admin", List.of(Groups.ADMIN));

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;
    @Autowired
    DocumentStore documents;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvoiceIsReleasedWhileAnotherReleaseOfTheLaboratoryIsStillOpen() throws Exception {
        // given two drafts of one laboratory
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.MAIL);
        Long first = draft(lab, client);
        Long second = draft(lab, client);

        // when the first release has its number and PDF but its transaction is still open
        String[] numbers = new String[2];
        try (OpenTransaction<String> slow = OpenTransaction.begin(transactionManager,
                () -> tasks.perform(first, InvoiceAction.RELEASE, null, ADMIN).getNumber())) {
            numbers[0] = slow.result();
            // then the second is released and committed meanwhile
            numbers[1] = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactionManager)
                            .execute(status -> tasks.perform(second, InvoiceAction.RELEASE, null, ADMIN).getNumber()))
                    .get(SECONDS_A_SHORT_STEP_TAKES_AT_MOST, TimeUnit.SECONDS);
        }

        // and the numbers follow each other: gap-free, no duplicate, each with its PDF
        assertThat(sequenceOf(numbers[1])).isEqualTo(sequenceOf(numbers[0]) + 1);
        for (int i = 0; i < 2; i++) {
            Invoice released = invoices.get(i == 0 ? first : second);
            assertThat(released.getStatus()).isEqualTo(InvoiceStatus.RELEASED);
            assertThat(released.getNumber()).isEqualTo(numbers[i]);
            assertThat(documents.latest(InvoiceDocuments.OWNER_TYPE, released.getId(), DocumentKind.INVOICE))
                    .hasValueSatisfying(pdf -> assertThat(pdf.getFileName()).isEqualTo(released.getNumber() + ".pdf"));
        }
    }

    @Test
    void aReleaseThatRollsBackAfterNumberingGetsTheSameNumberOnRetryAndLeavesNoGap() {
        // given two drafts of one laboratory
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.MAIL);
        Long failing = draft(lab, client);
        Long next = draft(lab, client);

        // when the release rolls back after the number was taken and the PDF rendered (the engine's flush failed, the node died)
        String numbered = numberedThenRolledBack(failing, InvoiceAction.RELEASE);

        // then the invoice is still a draft without number or PDF
        assertThat(invoices.get(failing).getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoices.get(failing).getNumber()).isNull();
        assertThat(documents.latest(InvoiceDocuments.OWNER_TYPE, failing, DocumentKind.INVOICE)).isEmpty();
        // and its retry releases it with the same number, registered once
        Invoice retried = tasks.perform(failing, InvoiceAction.RELEASE, null, ADMIN);
        assertThat(retried.getNumber()).isEqualTo(numbered);
        assertThat(sequenceOf(numbered)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from document_number where number = ?", Long.class, numbered)).isOne();
        assertThat(documents.latest(InvoiceDocuments.OWNER_TYPE, failing, DocumentKind.INVOICE)).isPresent();
        // and the next invoice gets the next number
        assertThat(sequenceOf(tasks.perform(next, InvoiceAction.RELEASE, null, ADMIN).getNumber())).isEqualTo(2);
    }

    @Test
    void aCreditThatRollsBackAfterNumberingGetsTheSameCreditNoteNumberOnRetry() {
        // given two booked invoices of one laboratory
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.MAIL);
        Long failing = booked(lab, client);
        Long next = booked(lab, client);

        // when crediting the first rolls back after the credit note was numbered, rendered and its process started
        String numbered = numberedThenRolledBack(failing, InvoiceAction.CREDIT);

        // then the invoice is still booked, and its retry issues the credit note with the same number
        assertThat(invoices.get(failing).getStatus()).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(invoices.get(failing).getCreditNoteId()).isNull();
        Invoice creditNote = tasks.perform(failing, InvoiceAction.CREDIT, null, ADMIN);
        assertThat(creditNote.getNumber()).isEqualTo(numbered);
        assertThat(sequenceOf(numbered)).isEqualTo(1);
        assertThat(invoices.get(failing).getCreditNoteId()).isEqualTo(creditNote.getId());
        assertThat(documents.latest(InvoiceDocuments.OWNER_TYPE, creditNote.getId(), DocumentKind.CREDIT_NOTE))
                .hasValueSatisfying(pdf -> assertThat(pdf.getFileName()).isEqualTo(numbered + ".pdf"));
        // and the next credit note gets the next number
        assertThat(sequenceOf(tasks.perform(next, InvoiceAction.CREDIT, null, ADMIN).getNumber())).isEqualTo(2);
    }

    private Long draft(Laboratory lab, Client client) {
        Long id = fixtures.newInvoice(lab, client);
        tasks.perform(id, InvoiceAction.DRAFT, null, ADMIN);
        return id;
    }

    private Long booked(Laboratory lab, Client client) {
        Long id = fixtures.transmittedInvoice(lab, client);
        tasks.perform(id, InvoiceAction.BOOK, null, ADMIN);
        return id;
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    /** Performs {@code action} on the invoice in a transaction that then rolls back; the number the step had taken. */
    private String numberedThenRolledBack(Long invoiceId, InvoiceAction action) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            String number = tasks.perform(invoiceId, action, null, ADMIN).getNumber();
            status.setRollbackOnly();
            return number;
        });
    }
}
