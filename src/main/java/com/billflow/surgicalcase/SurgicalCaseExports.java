package com.billflow.surgicalcase;

import com.billflow.common.IllegalStatusException;
import com.billflow.directory.FacilityService;
import com.billflow.document.csv.AccountingCsvWriter;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Invoiced cases as Xero or QuickBooks Online import files. */
@Service
public class SurgicalCaseExports {

    private final SurgicalCaseService cases;
    private final InvoicedCaseRows invoicedCases;
    private final FacilityService facilities;
    private final SurgicalCaseDocuments documents;
    private final SurgicalCaseInvoicing invoicing;
    private final AccountingCsvWriter csvWriter;

    SurgicalCaseExports(SurgicalCaseService cases, InvoicedCaseRows invoicedCases, FacilityService facilities,
                        SurgicalCaseDocuments documents, SurgicalCaseInvoicing invoicing, AccountingCsvWriter csvWriter) {
        this.cases = cases;
        this.invoicedCases = invoicedCases;
        this.facilities = facilities;
        this.documents = documents;
        this.invoicing = invoicing;
        this.csvWriter = csvWriter;
    }

    /**
     * Writes one case's invoice; answers its number. Only a numbered, uncancelled case invoice exists
     * for accounting: a case without invoice, or a cancelled one, is refused (409).
     */
    @Transactional(readOnly = true)
    public String writeCsv(Long caseId, AccountingFormat format, Writer out) throws IOException {
        SurgicalCase surgicalCase = cases.get(caseId);
        if (surgicalCase.getStatus() == SurgicalCaseStatus.CANCELLED) {
            throw new IllegalStatusException("Case " + surgicalCase.getCaseNumber() + " is CANCELLED: cancelled cases are not exported to accounting");
        }
        if (!surgicalCase.isInvoiced()) {
            invoicing.invoicePdf(caseId);
        }
        csvWriter.write(format, AccountingInvoice.Kind.INVOICE, false, Stream.of(documents.accounting(surgicalCase, facilities.get(surgicalCase.getFacilityCode()))), out);
        return surgicalCase.getInvoiceNumber();
    }

    /**
     * Every case invoice dated within [from, to], by date and number, read through a database cursor as
     * the stream is consumed, in constant memory ({@link InvoicedCaseRows}). Needs the caller's
     * transaction, and must be closed.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Stream<AccountingInvoice> invoicedBetween(LocalDate from, LocalDate to) {
        return invoicedCases.between(from, to);
    }
}
