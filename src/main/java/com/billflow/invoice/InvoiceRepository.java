package com.billflow.invoice;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Query("""
            select i from Invoice i
            where (:status is null or i.status = :status) and (:type is null or i.type = :type)
              and (:allLaboratories = true or i.laboratoryCode in :laboratoryCodes)
            order by i.id desc""")
    Page<Invoice> search(InvoiceStatus status, InvoiceType type, boolean allLaboratories, Collection<String> laboratoryCodes, Pageable page);

    /**
     * Issued production invoices or credit notes ({@code type}) in one of {@code statuses} (the caller
     * passes {@link InvoiceStatus#EXPORTED}) dated within [from, to], for the accounting export.
     */
    @QueryHints({@QueryHint(name = "org.hibernate.fetchSize", value = "100"), @QueryHint(name = "org.hibernate.readOnly", value = "true")})
    @Query("""
            select i from Invoice i
            where i.number is not null and i.type = :type and i.status in :statuses
              and i.invoiceDate >= :from and i.invoiceDate <= :to
            order by i.invoiceDate, i.number""")
    Stream<Invoice> streamIssuedBetween(LocalDate from, LocalDate to, InvoiceType type, Collection<InvoiceStatus> statuses);

    /** The number of an invoice, without loading it (the invoice a credit note credits). */
    @Query("select i.number from Invoice i where i.id = :id")
    String numberOf(Long id);

    /** Whether any document {@link #streamIssuedBetween} yields has a tax line. */
    @Query("""
            select count(i) > 0 from Invoice i join i.lines l
            where i.number is not null and i.type = :type and i.status in :statuses
              and i.invoiceDate >= :from and i.invoiceDate <= :to and l.kind = com.billflow.invoice.LineKind.TAX""")
    boolean anyTaxesBetween(LocalDate from, LocalDate to, InvoiceType type, Collection<InvoiceStatus> statuses);

    /** The ids of a laboratory's invoices of one type and status, oldest first (the WIP schedule's INITIAL invoices). */
    @Query("select i.id from Invoice i where i.laboratoryCode = :laboratoryCode and i.type = :type and i.status = :status order by i.id")
    List<Long> idsOf(String laboratoryCode, InvoiceType type, InvoiceStatus status);

    /** The invoices merged into {@code targetId}, oldest first. */
    List<Invoice> findByMergedIntoIdOrderById(Long targetId);
}
