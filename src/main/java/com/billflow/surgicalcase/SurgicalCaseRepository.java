package com.billflow.surgicalcase;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.stream.Stream;

public interface SurgicalCaseRepository extends JpaRepository<SurgicalCase, Long> {

    /** Invoiced (numbered), uncancelled cases with an invoice date in [from, to], for the accounting export. */
    @Query("""
            select c from SurgicalCase c
            where c.invoiceNumber is not null and c.status <> com.billflow.surgicalcase.SurgicalCaseStatus.CANCELLED
              and c.invoiceDate >= :from and c.invoiceDate <= :to
            order by c.invoiceDate, c.invoiceNumber""")
    Stream<SurgicalCase> streamInvoicedBetween(LocalDate from, LocalDate to);
}
