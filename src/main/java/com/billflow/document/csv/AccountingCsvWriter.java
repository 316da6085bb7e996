package com.billflow.document.csv;

import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.document.csv.AccountingInvoice.Line;
import org.apache.commons.csv.CSVFormat;
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
        // RFC 4180 (comma, quotes where needed, CRLF), one instance per export: CSVFormat's print
        // methods are synchronized on the instance, and the shared CSVFormat.DEFAULT would make
        // concurrent exports take turns on every cell.
        CSVFormat csv = CSVFormat.DEFAULT.builder().get();
        // Commons CSV appends a quoted value character by character: into a StringBuilder that is a
        // few instructions, into the caller's Writer a synchronized call each (a third of the time).
        // Each invoice's rows are handed over in one write once they are complete, so the export streams.
        StringBuilder rows = new StringBuilder(1024);
        csv.printRecord(rows, AccountingCsvColumns.headerFor(format, kind, includeTaxColumns).toArray());
        char[] block = handOver(rows, new char[0], out);
        Cells lineCells = new Cells(csv, rows);
        // An iterator pulls one invoice at a time; forEach would need checked-exception wrapping.
        Iterator<AccountingInvoice> iterator = invoices.iterator();
        while (iterator.hasNext()) {
            AccountingInvoice invoice = iterator.next();
            if (invoice.kind() != kind) {
                throw new IllegalArgumentException(invoice.invoiceNumber() + " is a " + invoice.kind() + ", not a " + kind);
            }
            // The invoice's own cells open each of its rows: quoted once, copied per row.
            String invoiceCells = record(csv, format == AccountingFormat.XERO
                    ? xeroInvoiceCells(invoice) : quickBooksInvoiceCells(invoice));
            for (Line line : orEmpty(invoice.lines())) {
                rows.append(invoiceCells);
                if (format == AccountingFormat.XERO) {
                    printXeroLine(lineCells, invoice, line);
                } else {
                    printQuickBooksLine(lineCells, line, includeTaxColumns);
                }
                csv.println(rows);
            }
            block = handOver(rows, block, out);
        }
        out.flush();
    }

    /** The cells as the start of a record (the first one quoted if empty, as Commons CSV does), without its end. */
    private static String record(CSVFormat csv, List<String> cells) throws IOException {
        StringBuilder record = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            csv.print(cells.get(i), record, i == 0);
        }
        return record.toString();
    }

    /** Appends cells that follow the first of their record (so each is preceded by a comma). */
    private record Cells(CSVFormat csv, StringBuilder rows) {

        void add(String value) throws IOException {
            csv.print(value, rows, false);
        }
    }

    /** Writes the rows to {@code out} and empties them; returns the (possibly grown) copy buffer. */
    private static char[] handOver(StringBuilder rows, char[] block, Writer out) throws IOException {
        int length = rows.length();
        if (length == 0) {
            return block;
        }
        char[] buffer = block.length >= length ? block : new char[Math.max(length, 2 * block.length)];
        rows.getChars(0, length, buffer, 0);
        out.write(buffer, 0, length);
        rows.setLength(0);
        return buffer;
    }

    /** Xero's columns up to the due date (credit notes have none): the contact, its address, number, reference, dates. */
    private List<String> xeroInvoiceCells(AccountingInvoice invoice) {
        List<String> address = orEmpty(invoice.addressLines());
        List<String> cells = new ArrayList<>(List.of(
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
            cells.add(date(invoice.dueDate()));
        }
        return cells;
    }

    /** Xero's columns from Total on: the line, its account and tax, the invoice's currency. */
    private void printXeroLine(Cells cells, AccountingInvoice invoice, Line line) throws IOException {
        cells.add("");
        cells.add(text(line.itemCode()));
        cells.add(description(line));
        cells.add(number(line.quantity()));
        cells.add(number(line.unitAmount()));
        cells.add("");
        cells.add(text(settings.accountCode()));
        cells.add(text(line.xeroTaxType() != null ? line.xeroTaxType() : settings.taxType()));
        cells.add(number(line.taxAmount()));
        for (int tracking = 0; tracking < 4; tracking++) {
            cells.add("");
        }
        cells.add(text(invoice.currency()));
        cells.add("");
    }

    /** QuickBooks' columns up to Memo: number, customer, date, due date and terms (invoices only), location, PO numbers. */
    private List<String> quickBooksInvoiceCells(AccountingInvoice invoice) {
        List<String> cells = new ArrayList<>(List.of(
                text(invoice.invoiceNumber()),
                text(invoice.contactName()),
                date(invoice.invoiceDate())));
        if (invoice.kind() == Kind.INVOICE) {
            cells.add(date(invoice.dueDate()));
            cells.add(text(invoice.terms()));
        }
        cells.add("");
        cells.add(text(invoice.reference()));
        return cells;
    }

    /** QuickBooks' columns from the item on, with the tax code and amount when the file has tax columns. */
    private void printQuickBooksLine(Cells cells, Line line, boolean includeTaxColumns) throws IOException {
        cells.add(text(line.itemCode()));
        cells.add(description(line));
        cells.add(number(line.quantity()));
        cells.add(number(line.unitAmount()));
        cells.add(number(line.amount()));
        cells.add("");
        if (includeTaxColumns) {
            cells.add(text(line.quickBooksTaxCode() != null ? line.quickBooksTaxCode() : settings.exemptTaxCode()));
            cells.add(number(line.taxAmount()));
        }
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
