package com.billflow.export;

import com.billflow.common.CsvDownloads;
import com.billflow.common.InvalidInputException;
import com.billflow.document.csv.AccountingFormat;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;

/** Every invoice of both lifecycles dated within a range as one accounting import file, streamed as it is read. */
@RestController
class InvoiceExportController {

    private final AccountingExport export;

    InvoiceExportController(AccountingExport export) {
        this.export = export;
    }

    /**
     * @param from first invoice date included (ISO), default: the first day of the current month
     * @param to   last invoice date included (ISO), default: today
     */
    @GetMapping("/api/exports/invoices.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void export(@RequestParam(required = false) String format,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        LocalDate last = to == null ? LocalDate.now() : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        if (first.isAfter(last)) {
            throw new InvalidInputException("from (" + first + ") is after to (" + last + ")");
        }
        export.write(first, last, accountingFormat, CsvDownloads.start(response, "invoices-" + first + "-to-" + last, accountingFormat));
    }
}
