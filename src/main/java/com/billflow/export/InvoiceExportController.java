package com.billflow.export;

import com.billflow.common.CsvDownloads;
import com.billflow.common.InvalidInputException;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice.Kind;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Every invoice of both lifecycles, or every credit note, dated within a range as one accounting
 * import file, streamed as it is read. Invoices and credit notes are two files because Xero and
 * QuickBooks Online import them through two different imports.
 */
@RestController
class InvoiceExportController {

    private final AccountingExport export;

    InvoiceExportController(AccountingExport export) {
        this.export = export;
    }

    /**
     * @param from first invoice date included (ISO), default: the first day of the current month
     * @param to   last invoice date included (ISO), default: today
     * @param type {@code invoices} (default: the target's invoice import) or {@code credit-notes} (its
     *             credit-note import: Xero credit notes, QuickBooks Online credit memos); anything else is a 400
     */
    @GetMapping("/api/exports/invoices.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void export(@RequestParam(required = false) String format,
                @RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        Kind kind = kind(type);
        LocalDate last = to == null ? LocalDate.now() : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        if (first.isAfter(last)) {
            throw new InvalidInputException("from (" + first + ") is after to (" + last + ")");
        }
        String name = (kind == Kind.INVOICE ? "invoices-" : "credit-notes-") + first + "-to-" + last;
        export.write(first, last, accountingFormat, kind, CsvDownloads.start(response, name, accountingFormat));
    }

    private static Kind kind(String type) {
        if (type == null || type.isBlank() || type.strip().equalsIgnoreCase("invoices")) {
            return Kind.INVOICE;
        }
        if (type.strip().equalsIgnoreCase("credit-notes")) {
            return Kind.CREDIT_NOTE;
        }
        throw new InvalidInputException("Unknown type '" + type + "': use type=invoices or type=credit-notes");
    }
}
