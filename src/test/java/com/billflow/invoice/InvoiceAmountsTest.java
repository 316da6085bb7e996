package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tax on the net (SPEC §6) through the database: drafts follow the rule when repriced or released,
 * while an invoice issued under the former rule (tax on the lines before discounts) keeps its
 * amounts on every read, and its credit note reverses exactly those amounts.
 */
class InvoiceAmountsTest extends IntegrationTest {

    private static final Caller ADMIN = new Caller("amounts-test", List.of(Groups.ADMIN));

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    Laboratory lab;
    Client client;

    @BeforeEach
    void data() {
        lab = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.FAX);
    }

    @Test
    void anInvoiceIssuedUnderTheFormerRuleKeepsItsAmountsAndItsCreditNoteReversesThem() {
        // given a booked invoice whose stored amounts are those of the former rule (tax on 5573.60)
        Long id = discountedAndTaxed();
        for (InvoiceAction action : List.of(InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT)) {
            tasks.perform(id, action, null, ADMIN);
        }
        String processInstanceId = runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", id).singleResult().getId();
        management.createJobQuery().processInstanceId(processInstanceId).list().forEach(job -> management.executeJob(job.getId()));
        tasks.perform(id, InvoiceAction.BOOK, null, ADMIN);
        assertThat(invoices.get(id).total().amount()).isEqualByComparingTo("6527.81");
        storeFormerRuleAmounts(id);

        // then reading it answers what was issued
        Invoice issued = invoices.get(id);
        assertThat(issued.taxTotal().amount()).isEqualByComparingTo("1226.19");
        assertThat(issued.total().amount()).isEqualByComparingTo("6576.85");

        // when credited, the credit note reverses those amounts, not amounts worked out again
        Invoice creditNote = tasks.perform(id, InvoiceAction.CREDIT, null, ADMIN);
        assertThat(creditNote.getLines()).extracting(l -> l.amount(creditNote.currency()).amount().toPlainString())
                .containsExactly("-5573.60", "222.94", "-1226.19");
        assertThat(creditNote.subtotal().amount()).isEqualByComparingTo("-5350.66");
        assertThat(creditNote.taxTotal().amount()).isEqualByComparingTo("-1226.19");
        assertThat(creditNote.total().amount()).isEqualByComparingTo("-6576.85");
    }

    @Test
    void aDraftFromBeforeTheChangeFollowsTheRuleWhenRepricedOrReleased() {
        // given two drafts whose stored amounts are those of the former rule
        Long repriced = discountedAndTaxed();
        Long released = discountedAndTaxed();
        for (Long id : List.of(repriced, released)) {
            tasks.perform(id, InvoiceAction.DRAFT, null, ADMIN);
            storeFormerRuleAmounts(id);
            assertThat(invoices.get(id).total().amount()).isEqualByComparingTo("6576.85");
        }

        // when one is repriced and the other released
        tasks.perform(repriced, InvoiceAction.REPRICE, null, ADMIN);
        tasks.perform(released, InvoiceAction.RELEASE, null, ADMIN);

        // then both charge 22 % of the net 5350.66
        for (Long id : List.of(repriced, released)) {
            Invoice invoice = invoices.get(id);
            assertThat(invoice.subtotal().amount()).isEqualByComparingTo("5350.66");
            assertThat(invoice.taxTotal().amount()).isEqualByComparingTo("1177.15");
            assertThat(invoice.total().amount()).isEqualByComparingTo("6527.81");
        }
        assertThat(invoices.get(released).getNumber()).isNotNull();
    }

    /** 16 x 348.35 with a 4 % discount and 22 % tax: 5573.60 - 222.94 = 5350.66, tax 1177.15, total 6527.81. */
    private Long discountedAndTaxed() {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "J-AMOUNTS", null, null), "test");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Soil", new BigDecimal("16"), new BigDecimal("348.35"), null), "test");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("4")), "test");
        Invoice added = invoices.addLine(invoice.getId(), new LineRequest(LineKind.TAX, "VAT", null, null, new BigDecimal("22")), "test");
        assertThat(added.total().amount()).isEqualByComparingTo("6527.81");
        return invoice.getId();
    }

    /** What the former rule (22 % of 5573.60 = 1226.19) stored. */
    private void storeFormerRuleAmounts(Long id) {
        jdbc.update("update invoice_line set amount = 1226.19 where invoice_id = ? and kind = 'TAX'", id);
        jdbc.update("update invoice set tax_total = 1226.19, total = 6576.85 where id = ?", id);
    }
}
