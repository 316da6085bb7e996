package com.billflow.export;

import com.billflow.document.csv.AccountingCsvWriter;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.invoice.InvoiceDocumentService;
import com.billflow.surgicalcase.SurgicalCaseExports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.stream.Stream;

/** One import file with every invoice of both lifecycles dated within a range: surgical cases, then laboratory invoices and credit notes. */
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
    void write(LocalDate from, LocalDate to, AccountingFormat format, Writer out) throws IOException {
        boolean taxes = laboratoryInvoices.anyTaxesBetween(from, to);
        try (Stream<AccountingInvoice> cases = surgicalCases.invoicedBetween(from, to);
             Stream<AccountingInvoice> invoices = laboratoryInvoices.issuedBetween(from, to)) {
            csvWriter.write(format, taxes, Stream.concat(cases, invoices), out);
        }
    }
}
