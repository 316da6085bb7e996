package com.billflow.benchmark;

import com.billflow.document.csv.AccountingCsvWriter;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.document.csv.ExportSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11: the accounting export's row writing ({@link AccountingCsvWriter}, invoices with tax
 * columns) against {@link PlainCsvRows} writing the same bytes, for 10,000 rows (2,500 invoices of
 * four lines) in Xero's and QuickBooks' format, in exports per second. Both write UTF-8 through a
 * {@link BufferedWriter} into a stream that drops the bytes, as an HTTP response would take them.
 * {@link #checkBothWriteTheSameBytes} fails the run if the two outputs differ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccountingCsvBenchmark {

    private static final int INVOICES = 2_500;

    @Param({"XERO", "QUICKBOOKS"})
    public AccountingFormat format;

    private final AccountingCsvWriter writer = new AccountingCsvWriter(
            new ExportSettings("yyyy-MM-dd", "200", "Tax Exempt", "TAX", "NON", "Tax on Sales", List.of()));
    private List<AccountingInvoice> invoices;

    @Setup
    public void checkBothWriteTheSameBytes() throws IOException {
        invoices = BenchmarkInvoices.accountingInvoices(INVOICES);
        ByteArrayOutputStream billflow = new ByteArrayOutputStream();
        writeBillflow(billflow);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        writePlain(plain);
        if (!Arrays.equals(billflow.toByteArray(), plain.toByteArray())) {
            String a = billflow.toString(StandardCharsets.UTF_8);
            String b = plain.toString(StandardCharsets.UTF_8);
            int at = Arrays.mismatch(a.toCharArray(), b.toCharArray());
            throw new IllegalStateException("The baseline no longer writes Billflow's CSV; first difference at "
                    + at + ":\nBillflow: " + a.substring(Math.max(0, at - 80), Math.min(a.length(), at + 80))
                    + "\nplain:    " + b.substring(Math.max(0, at - 80), Math.min(b.length(), at + 80)));
        }
    }

    @Benchmark
    public void billflow() throws IOException {
        writeBillflow(OutputStream.nullOutputStream());
    }

    @Benchmark
    public void plainWriter() throws IOException {
        writePlain(OutputStream.nullOutputStream());
    }

    private void writeBillflow(OutputStream sink) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
        writer.write(format, Kind.INVOICE, true, invoices.stream(), out);
    }

    private void writePlain(OutputStream sink) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
        PlainCsvRows.write(format, invoices, out);
    }
}
