package com.billflow.export;

import com.billflow.document.csv.AccountingCsvWriter;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.invoice.InvoiceDocumentService;
import com.billflow.surgicalcase.SurgicalCaseExports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * One import file per kind of document dated within a range, as each target imports them apart:
 * the invoices of both lifecycles (surgical cases, then laboratory invoices) for the invoice import,
 * or the laboratory credit notes for the credit-note import (surgical cases have no credit notes).
 */
@Service
class AccountingExport {

    private final SurgicalCaseExports surgicalCases;
    private final InvoiceDocumentService laboratoryInvoices;
    private final AccountingCsvWriter csvWriter;

    AccountingExport(SurgicalCaseExports surgicalCases, InvoiceDocumentService laboratoryInvoices, AccountingCsvWriter csvWriter) {
        this.surgicalCases = surgicalCases;
        this.laboratoryInvoices = laboratoryInvoices;
        this.csvWriter = csvWriter;
    }

    /** Streams rows as the database yields them; the transaction stays open while the response is written. */
    @Transactional(readOnly = true)
    void write(LocalDate from, LocalDate to, AccountingFormat format, Kind kind, Writer out) throws IOException {
        boolean taxes = laboratoryInvoices.anyTaxesBetween(from, to, kind);
        try (Stream<AccountingInvoice> cases = kind == Kind.INVOICE ? surgicalCases.invoicedBetween(from, to) : Stream.empty();
             Stream<AccountingInvoice> invoices = laboratoryInvoices.issuedBetween(from, to, kind)) {
            csvWriter.write(format, kind, taxes, Stream.concat(cases, invoices), out);
        }
    }
}
