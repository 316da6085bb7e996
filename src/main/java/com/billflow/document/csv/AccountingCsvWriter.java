package com.billflow.document.csv;

import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.document.csv.AccountingInvoice.Line;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.billflow.document.csv.CsvCells.number;
import static com.billflow.document.csv.CsvCells.text;

/**
 * Writes issued invoices as the invoice-import CSV of Xero or QuickBooks Online, or credit notes as
 * their credit-note import, one row per line with the document's own fields repeated on each row,
 * as both importers expect. Taxes are columns of the taxed rows (Xero {@code *TaxType} and
 * {@code TaxAmount}, QuickBooks {@code ItemTaxCode} and {@code ItemTaxAmount}), never rows.
 * Documents are written as the stream yields them, so an export of any size runs in constant memory.
 */
@Component
public class AccountingCsvWriter {

    private static final int XERO_ADDRESS_LINES = 4;

    private final ExportSettings settings;
    private final DateTimeFormatter dateFormat;

    public AccountingCsvWriter(ExportSettings settings) {
        this.settings = settings;
        this.dateFormat = DateTimeFormatter.ofPattern(settings.dateFormat(), Locale.ROOT);
    }

    /**
     * Writes the header and then each invoice's rows. The writer is flushed, not closed: it
     * belongs to the caller (typically an HTTP response).
     *
     * @param kind              the import the file is for; every document must be of this kind
     *                          (one file cannot hold both: each target imports them separately)
     * @param includeTaxColumns adds {@code ItemTaxCode,ItemTaxAmount} to QuickBooks; ignored for Xero,
     *                          whose template always has {@code *TaxType} and {@code TaxAmount}
     * @throws IllegalArgumentException for a document of the other kind (a programming error, not input)
     */
    public void write(AccountingFormat format, Kind kind, boolean includeTaxColumns,
                      Stream<AccountingInvoice> invoices, Writer out) throws IOException {
        CSVFormat csvFormat = CSVFormat.DEFAULT.builder()
                .setHeader(AccountingCsvColumns.headerFor(format, kind, includeTaxColumns).toArray(String[]::new))
                .get();
        CSVPrinter printer = new CSVPrinter(out, csvFormat);
        // An iterator pulls one invoice at a time; forEach would need checked-exception wrapping.
        Iterator<AccountingInvoice> iterator = invoices.iterator();
        while (iterator.hasNext()) {
            AccountingInvoice invoice = iterator.next();
            if (invoice.kind() != kind) {
                throw new IllegalArgumentException(invoice.invoiceNumber() + " is a " + invoice.kind() + ", not a " + kind);
            }
            for (Line line : orEmpty(invoice.lines())) {
                List<String> row = format == AccountingFormat.XERO
                        ? xeroRow(invoice, line)
                        : quickBooksRow(invoice, line, includeTaxColumns);
                printer.printRecord(row);
            }
        }
        printer.flush();
    }

    private List<String> xeroRow(AccountingInvoice invoice, Line line) {
        List<String> address = orEmpty(invoice.addressLines());
        List<String> row = new ArrayList<>(List.of(
                text(invoice.contactName()),
                text(invoice.emailAddress()),
                text(addressLine(address, 0)),
                text(addressLine(address, 1)),
                text(addressLine(address, 2)),
                text(addressLine(address, 3)),
                text(invoice.city()),
                text(invoice.region()),
                text(invoice.postalCode()),
                text(invoice.country()),
                text(invoice.invoiceNumber()),
                text(invoice.reference()),
                date(invoice.invoiceDate())));
        if (invoice.kind() == Kind.INVOICE) {
            row.add(date(invoice.dueDate()));
        }
        row.addAll(List.of(
                "",
                text(line.itemCode()),
                description(line),
                number(line.quantity()),
                number(line.unitAmount()),
                "",
                text(settings.accountCode()),
                text(line.xeroTaxType() != null ? line.xeroTaxType() : settings.taxType()),
                number(line.taxAmount()),
                "", "", "", "",
                text(invoice.currency()),
                ""));
        return row;
    }

    private List<String> quickBooksRow(AccountingInvoice invoice, Line line, boolean includeTaxColumns) {
        List<String> row = new ArrayList<>(List.of(
                text(invoice.invoiceNumber()),
                text(invoice.contactName()),
                date(invoice.invoiceDate())));
        if (invoice.kind() == Kind.INVOICE) {
            row.add(date(invoice.dueDate()));
            row.add(text(invoice.terms()));
        }
        row.addAll(List.of(
                "",
                text(invoice.reference()),
                text(line.itemCode()),
                description(line),
                number(line.quantity()),
                number(line.unitAmount()),
                number(line.amount()),
                ""));
        if (includeTaxColumns) {
            row.add(text(line.quickBooksTaxCode() != null ? line.quickBooksTaxCode() : settings.exemptTaxCode()));
            row.add(number(line.taxAmount()));
        }
        return row;
    }

    /** Xero rejects a row without *Description, so a blank one falls back to the item code, then "-". */
    private static String description(Line line) {
        if (line.description() != null && !line.description().isBlank()) {
            return text(line.description());
        }
        if (line.itemCode() != null && !line.itemCode().isBlank()) {
            return text(line.itemCode());
        }
        // Not passed through text(): a lone dash is no formula and must stay readable.
        return "-";
    }

    private String date(LocalDate date) {
        return date == null ? "" : dateFormat.format(date);
    }

    /** Xero has four street lines; any beyond the fourth are joined into it rather than dropped. */
    private static String addressLine(List<String> lines, int index) {
        if (index >= lines.size()) {
            return null;
        }
        if (index == XERO_ADDRESS_LINES - 1 && lines.size() > XERO_ADDRESS_LINES) {
            return String.join(", ", lines.subList(index, lines.size()));
        }
        return lines.get(index);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
