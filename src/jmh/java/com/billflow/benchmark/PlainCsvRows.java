package com.billflow.benchmark;

import com.billflow.document.csv.AccountingCsvColumns;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Line;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The baseline of the CSV benchmark: the rows {@code AccountingCsvWriter} writes for invoices with
 * tax columns, written plainly: each value worked out as Billflow does (plain figures, formatted
 * dates, a quote before text a spreadsheet would take for a formula) and appended to the writer
 * with RFC 4180 quoting where needed, no intermediate lists and no CSV library. It handles only
 * what {@link BenchmarkInvoices#accountingInvoices} holds (invoices, at most four address lines);
 * {@link AccountingCsvBenchmark} checks that its output is byte for byte Billflow's.
 */
final class PlainCsvRows {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final Writer out;
    private boolean firstInRow = true;

    PlainCsvRows(Writer out) {
        this.out = out;
    }

    static void write(AccountingFormat format, List<AccountingInvoice> invoices, Writer out) throws IOException {
        PlainCsvRows csv = new PlainCsvRows(out);
        List<String> header = format == AccountingFormat.XERO ? AccountingCsvColumns.XERO
                : AccountingCsvColumns.headerFor(format, AccountingInvoice.Kind.INVOICE, true);
        for (String column : header) {
            csv.field(column);
        }
        csv.endRow();
        for (AccountingInvoice invoice : invoices) {
            for (Line line : invoice.lines()) {
                if (format == AccountingFormat.XERO) {
                    csv.xero(invoice, line);
                } else {
                    csv.quickBooks(invoice, line);
                }
            }
        }
        out.flush();
    }

    private void xero(AccountingInvoice invoice, Line line) throws IOException {
        List<String> address = invoice.addressLines();
        text(invoice.contactName());
        text(invoice.emailAddress());
        for (int i = 0; i < 4; i++) {
            text(i < address.size() ? address.get(i) : null);
        }
        text(invoice.city());
        text(invoice.region());
        text(invoice.postalCode());
        text(invoice.country());
        text(invoice.invoiceNumber());
        text(invoice.reference());
        field(DATE.format(invoice.invoiceDate()));
        field(DATE.format(invoice.dueDate()));
        field("");
        text(line.itemCode());
        text(line.description());
        number(line.quantity());
        number(line.unitAmount());
        field("");
        field("200");
        text(line.xeroTaxType() != null ? line.xeroTaxType() : "Tax Exempt");
        number(line.taxAmount());
        field("");
        field("");
        field("");
        field("");
        text(invoice.currency());
        field("");
        endRow();
    }

    private void quickBooks(AccountingInvoice invoice, Line line) throws IOException {
        text(invoice.invoiceNumber());
        text(invoice.contactName());
        field(DATE.format(invoice.invoiceDate()));
        field(DATE.format(invoice.dueDate()));
        text(invoice.terms());
        field("");
        text(invoice.reference());
        text(line.itemCode());
        text(line.description());
        number(line.quantity());
        number(line.unitAmount());
        number(line.amount());
        field("");
        text(line.quickBooksTaxCode() != null ? line.quickBooksTaxCode() : "NON");
        number(line.taxAmount());
        endRow();
    }

    private void number(BigDecimal value) throws IOException {
        field(value == null ? "" : value.toPlainString());
    }

    /** Text a spreadsheet would run as a formula gets a leading quote (numbers such as "-42" excepted). */
    private void text(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            field("");
            return;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        field(formula && !isNumber(value) ? "'" + value : value);
    }

    /** RFC 4180 quoting, as Commons CSV's minimal mode does it (which also quotes an empty first field). */
    private void field(String value) throws IOException {
        if (!firstInRow) {
            out.write(',');
        }
        boolean quote = value.isEmpty() ? firstInRow : needsQuotes(value);
        firstInRow = false;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    private void endRow() throws IOException {
        out.write("\r\n");
        firstInRow = true;
    }

    private static boolean needsQuotes(String value) {
        char first = value.charAt(0);
        if (first <= '#') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return value.charAt(value.length() - 1) <= ' ';
    }

    private static boolean isNumber(String value) {
        int i = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < value.length() && Character.isDigit(value.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == value.length()) {
            return true;
        }
        if (value.charAt(i++) != '.' || i == value.length()) {
            return false;
        }
        while (i < value.length() && Character.isDigit(value.charAt(i))) {
            i++;
        }
        return i == value.length();
    }
}
