package com.billflow.export;

import com.billflow.apidocs.ApiTags;
import com.billflow.common.CsvDownloads;
import com.billflow.common.InvalidInputException;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice.Kind;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = ApiTags.EXPORTS)
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
    @Operation(summary = "Export issued invoices as one accounting import CSV", description = "Case invoices and laboratory"
            + " invoices and credit notes (from AUTHORISED on, never proposals) dated from `from` to `to`, streamed.")
    @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/api/exports/invoices.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void export(@RequestParam(required = false) @Parameter(description = CsvDownloads.FORMAT_DESCRIPTION,
                        schema = @Schema(allowableValues = {"xero", "quickbooks"})) String format,
                @RequestParam(required = false) @Parameter(description = "`invoices` (default: the target's invoice import) or"
                        + " `credit-notes` (its credit-note import)", schema = @Schema(allowableValues = {"invoices", "credit-notes"})) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                @Parameter(description = "First invoice date included; default: the first day of the month of `to`") LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                @Parameter(description = "Last invoice date included; default: today") LocalDate to,
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
