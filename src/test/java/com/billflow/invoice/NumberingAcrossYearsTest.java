package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A laboratory's series across New Year, with the test clock moved there: a new year starts again at 1, with no gap. */
class NumberingAcrossYearsTest extends IntegrationTest {


    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;

    @Test
    void aNewYearStartsAtOneAndNoNumberIsSkipped() {
        // given four drafts of a new laboratory, and the clock at 23:00 on 31 December
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.FAX);
        Caller office = fixtures.caller(fixtures.officeManagerOf(lab));
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Long id = fixtures.newInvoice(lab, client);
            tasks.perform(id, InvoiceAction.DRAFT, null, office);
            drafts.add(id);
        }
        int year = LocalDate.now(clock).getYear();
        clock.advance(Duration.between(clock.instant(), LocalDate.of(year, 12, 31).atTime(23, 0).toInstant(ZoneOffset.UTC)));

        // when two are released on New Year's Eve and two an hour and a half later
        Invoice first = tasks.perform(drafts.get(0), InvoiceAction.RELEASE, null, office);
        Invoice second = tasks.perform(drafts.get(1), InvoiceAction.RELEASE, null, office);
        clock.advance(Duration.ofMinutes(90));
        Invoice third = tasks.perform(drafts.get(2), InvoiceAction.RELEASE, null, office);
        Invoice fourth = tasks.perform(drafts.get(3), InvoiceAction.RELEASE, null, office);

        // then
        String prefix = lab.getCode() + "-INV-";
        assertThat(List.of(first, second, third, fourth)).extracting(Invoice::getNumber).containsExactly(
                prefix + year + "-00001", prefix + year + "-00002", prefix + (year + 1) + "-00001", prefix + (year + 1) + "-00002");
        assertThat(first.getInvoiceDate()).isEqualTo(LocalDate.of(year, 12, 31));
        assertThat(third.getInvoiceDate()).isEqualTo(LocalDate.of(year + 1, 1, 1));
        assertThat(third.getDueDate()).isEqualTo(LocalDate.of(year + 1, 1, 31));
    }
}
