package com.billflow.document.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountingCsvWriterTest {

    private static final List<String> XERO_HEADER = List.of(("*ContactName,EmailAddress,POAddressLine1,"
            + "POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,"
            + "Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,"
            + "*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,"
            + "BrandingTheme").split(","));
    /** Xero's credit-note template: *CreditNoteNumber and *CreditNoteDate, no due date. */
    private static final List<String> XERO_CREDIT_NOTE_HEADER = List.of(("*ContactName,EmailAddress,POAddressLine1,"
            + "POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*CreditNoteNumber,"
            + "Reference,*CreditNoteDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,"
            + "*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,"
            + "BrandingTheme").split(","));
    private static final List<String> QUICKBOOKS_HEADER = List.of(("*InvoiceNo,*Customer,*InvoiceDate,*DueDate,"
            + "Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,"
            + "Service Date").split(","));

    private final AccountingCsvWriter writer = new AccountingCsvWriter(
            new ExportSettings("dd/MM/yyyy", "200", "Tax Exempt", "TAX", "NON", "Tax on Sales", List.of()));

    @Test
    void xeroHasOneRowPerLineWithTheInvoiceRepeatedAndPoNumbersInReference() throws IOException {
        // when
        String csv = write(AccountingFormat.XERO, false, Stream.of(surgicalCaseInvoice(), secondInvoice()));

        // then
        try (CSVParser parser = parse(csv)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(XERO_HEADER);
            assertThat(AccountingCsvColumns.XERO).containsExactlyElementsOf(XERO_HEADER);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(4);
            assertThat(rows).extracting(row -> row.get("*InvoiceNumber"))
                    .containsExactly("INV-2025-00042", "INV-2025-00042", "INV-2025-00042", "INV-2025-00043");
            CSVRecord first = rows.get(0);
            assertThat(first.get("*ContactName")).isEqualTo("St. Luke's Regional Medical Center");
            assertThat(first.get("EmailAddress")).isEqualTo("ap@stlukes.example.org");
            assertThat(first.get("POAddressLine1")).isEqualTo("Accounts Payable");
            assertThat(first.get("POAddressLine2")).isEqualTo("4500 Medical Pkwy");
            assertThat(first.get("POAddressLine3")).isEmpty();
            assertThat(first.get("POCity")).isEqualTo("Austin");
            assertThat(first.get("PORegion")).isEqualTo("TX");
            assertThat(first.get("POPostalCode")).isEqualTo("78756");
            assertThat(first.get("POCountry")).isEqualTo("US");
            assertThat(first.get("Reference")).isEqualTo("Acme Ortho: PO-88231; Zimmer Biomet: 4500129931");
            assertThat(first.get("*InvoiceDate")).isEqualTo("14/03/2025");
            assertThat(first.get("*DueDate")).isEqualTo("13/04/2025");
            assertThat(first.get("InventoryItemCode")).isEqualTo("AO-4471");
            assertThat(first.get("*Description")).isEqualTo("Titanium locking plate, 8-hole");
            assertThat(first.get("*Quantity")).isEqualTo("1");
            assertThat(first.get("*UnitAmount")).isEqualTo("1234.50");
            assertThat(first.get("*AccountCode")).isEqualTo("200");
            assertThat(first.get("*TaxType")).isEqualTo("Tax Exempt");
            assertThat(first.get("Currency")).isEqualTo("USD");
            for (String empty : List.of("Total", "Discount", "TaxAmount", "TrackingName1", "TrackingOption1", "TrackingName2",
                    "TrackingOption2", "BrandingTheme")) {
                assertThat(first.get(empty)).as(empty).isEmpty();
            }
            assertThat(rows.get(1).get("*Quantity")).isEqualTo("6");
            assertThat(rows.get(1).get("*UnitAmount")).isEqualTo("48.75");
            // A blank description falls back to the item code, because Xero requires one.
            assertThat(rows.get(2).get("*Description")).isEqualTo("ZB-42-1180");
            assertThat(rows.get(3).get("*Description")).isEqualTo("-");
        }
        assertThat(csv).doesNotContain("$", "\u20AC");
    }

    @Test
    void quickBooksPutsPoNumbersInMemoAndAmountsAsPlainFigures() throws IOException {
        String csv = write(AccountingFormat.QUICKBOOKS, false, Stream.of(surgicalCaseInvoice()));

        try (CSVParser parser = parse(csv)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(QUICKBOOKS_HEADER);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(3);
            assertThat(rows).extracting(row -> row.get("*InvoiceNo")).containsOnly("INV-2025-00042");
            CSVRecord first = rows.get(0);
            assertThat(first.get("*Customer")).isEqualTo("St. Luke's Regional Medical Center");
            assertThat(first.get("*InvoiceDate")).isEqualTo("14/03/2025");
            assertThat(first.get("*DueDate")).isEqualTo("13/04/2025");
            assertThat(first.get("Terms")).isEqualTo("Net 30");
            assertThat(first.get("Location")).isEmpty();
            assertThat(first.get("Memo")).isEqualTo("Acme Ortho: PO-88231; Zimmer Biomet: 4500129931");
            assertThat(first.get("Item(Product/Service)")).isEqualTo("AO-4471");
            assertThat(first.get("ItemDescription")).isEqualTo("Titanium locking plate, 8-hole");
            assertThat(first.get("ItemQuantity")).isEqualTo("1");
            assertThat(first.get("ItemRate")).isEqualTo("1234.50");
            assertThat(first.get("*ItemAmount")).isEqualTo("1234.50");
            assertThat(first.get("Service Date")).isEmpty();
            assertThat(rows.get(1).get("*ItemAmount")).isEqualTo("292.50");
        }
        assertThat(csv).doesNotContain("$", "\u20AC");
    }

    @Test
    void quickBooksWithTaxColumnsAddsTaxCodeAndAmountPerTaxedLine() throws IOException {
        String csv = write(AccountingFormat.QUICKBOOKS, true, Stream.of(secondInvoice()));

        try (CSVParser parser = parse(csv)) {
            List<String> expected = new ArrayList<>(QUICKBOOKS_HEADER);
            expected.addAll(List.of("ItemTaxCode", "ItemTaxAmount"));
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(expected);
            CSVRecord taxed = parser.getRecords().get(0);
            assertThat(taxed.get("ItemTaxCode")).isEqualTo("8.25% CA");
            assertThat(taxed.get("ItemTaxAmount")).isEqualTo("8.25");
        }
        // untaxed rows in a file with tax columns get the configured exempt code and no amount
        String untaxed = write(AccountingFormat.QUICKBOOKS, true, Stream.of(surgicalCaseInvoice()));
        try (CSVParser parser = parse(untaxed)) {
            CSVRecord row = parser.getRecords().get(0);
            assertThat(row.get("ItemTaxCode")).isEqualTo("NON");
            assertThat(row.get("ItemTaxAmount")).isEmpty();
        }
    }

    @Test
    void xeroNamesEachRowsTaxTypeAndAmountAndIgnoresTheTaxColumnsFlag() throws IOException {
        try (CSVParser parser = parse(write(AccountingFormat.XERO, true, Stream.of(secondInvoice())))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(XERO_HEADER);
            CSVRecord taxed = parser.getRecords().get(0);
            assertThat(taxed.get("*TaxType")).isEqualTo("8.25% Sales Tax");
            assertThat(taxed.get("TaxAmount")).isEqualTo("8.25");
        }
    }

    @Test
    void creditNotesGoThroughEachTargetsCreditNoteImport() throws IOException {
        AccountingInvoice creditNote = new AccountingInvoice(AccountingInvoice.Kind.CREDIT_NOTE, "CN-2025-0007",
                "St. Luke's Regional Medical Center", null, List.of(), null, null, null, null, "INV-2025-00043",
                LocalDate.of(2025, 3, 20), null, null, "USD", List.of(new AccountingInvoice.Line("SAMPLE_TEST", "Assay",
                BigDecimal.ONE, new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("8.25"), "8.25% Sales Tax", "8.25% CA")));

        try (CSVParser parser = parse(write(AccountingFormat.XERO, AccountingInvoice.Kind.CREDIT_NOTE, true, Stream.of(creditNote)))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(XERO_CREDIT_NOTE_HEADER);
            CSVRecord row = parser.getRecords().get(0);
            assertThat(row.get("*CreditNoteNumber")).isEqualTo("CN-2025-0007");
            assertThat(row.get("*CreditNoteDate")).isEqualTo("20/03/2025");
            assertThat(row.get("Reference")).isEqualTo("INV-2025-00043");
            assertThat(row.get("*UnitAmount")).isEqualTo("100.00");
            assertThat(row.get("TaxAmount")).isEqualTo("8.25");
        }
        try (CSVParser parser = parse(write(AccountingFormat.QUICKBOOKS, AccountingInvoice.Kind.CREDIT_NOTE, true, Stream.of(creditNote)))) {
            assertThat(parser.getHeaderNames()).containsExactly("*CreditNoteNo", "*Customer", "*CreditNoteDate", "Location", "Memo",
                    "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "*ItemAmount", "Service Date",
                    "ItemTaxCode", "ItemTaxAmount");
            CSVRecord row = parser.getRecords().get(0);
            assertThat(row.get("*CreditNoteNo")).isEqualTo("CN-2025-0007");
            assertThat(row.get("Memo")).isEqualTo("INV-2025-00043");
            assertThat(row.get("*ItemAmount")).isEqualTo("100.00");
            assertThat(row.get("ItemTaxCode")).isEqualTo("8.25% CA");
        }
        // one file is one import: an invoice in the credit-note file is a programming error, not a silent mix
        assertThatThrownBy(() -> write(AccountingFormat.XERO, AccountingInvoice.Kind.CREDIT_NOTE, false, Stream.of(secondInvoice())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INV-2025-00043");
    }

    @Test
    void formulaLikeTextIsDefusedButNegativeNumbersStayNumbers() throws IOException {
        AccountingInvoice withDiscount = invoice("INV-2025-0007", "=cmd|' /C calc'!A0",
                List.of(AccountingInvoice.Line.untaxed("@SUM(A1)", "=HYPERLINK(\"http://evil.example\",\"Click\")",
                        BigDecimal.ONE, new BigDecimal("-50.00"), new BigDecimal("-50.00"))));

        String csv = write(AccountingFormat.XERO, false, Stream.of(withDiscount));

        try (CSVParser parser = parse(csv)) {
            CSVRecord row = parser.getRecords().get(0);
            assertThat(row.get("*Description")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
            assertThat(row.get("Reference")).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.get("InventoryItemCode")).isEqualTo("'@SUM(A1)");
            assertThat(row.get("*UnitAmount")).isEqualTo("-50.00");
        }
    }

    @Test
    void invoicesAreWrittenAsTheStreamYieldsThem() throws IOException {
        // given a stream that checks, as each invoice is pulled, that the one before is already written
        StringWriter out = new StringWriter();
        AtomicInteger generated = new AtomicInteger();
        AtomicInteger pulled = new AtomicInteger();
        List<String> notYetWrittenWhenNextPulled = new ArrayList<>();
        Stream<AccountingInvoice> invoices = Stream.generate(() -> numbered("INV-" + generated.incrementAndGet()))
                .limit(500)
                .peek(invoice -> {
                    int n = pulled.incrementAndGet();
                    String previousRow = "INV-" + (n - 1) + ",";
                    if (n > 1 && !out.toString().contains(previousRow)) {
                        notYetWrittenWhenNextPulled.add(previousRow);
                    }
                });

        // when
        writer.write(AccountingFormat.QUICKBOOKS, AccountingInvoice.Kind.INVOICE, false, invoices, out);

        // then
        assertThat(pulled).hasValue(500);
        assertThat(notYetWrittenWhenNextPulled).isEmpty();
        try (CSVParser parser = parse(out.toString())) {
            assertThat(parser.getRecords()).hasSize(500);
        }
    }

    private String write(AccountingFormat format, boolean taxColumns, Stream<AccountingInvoice> invoices)
            throws IOException {
        return write(format, AccountingInvoice.Kind.INVOICE, taxColumns, invoices);
    }

    private String write(AccountingFormat format, AccountingInvoice.Kind kind, boolean taxColumns,
                         Stream<AccountingInvoice> invoices) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(format, kind, taxColumns, invoices, out);
        return out.toString();
    }

    private static CSVParser parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv));
    }

    private static AccountingInvoice surgicalCaseInvoice() {
        return invoice("INV-2025-00042", "Acme Ortho: PO-88231; Zimmer Biomet: 4500129931", List.of(
                AccountingInvoice.Line.untaxed("AO-4471", "Titanium locking plate, 8-hole",
                        new BigDecimal("1"), new BigDecimal("1234.50"), new BigDecimal("1234.50")),
                AccountingInvoice.Line.untaxed("AO-2210", "Cortical screw 3.5 mm x 24 mm",
                        new BigDecimal("6"), new BigDecimal("48.75"), new BigDecimal("292.50")),
                AccountingInvoice.Line.untaxed("ZB-42-1180", "  ",
                        new BigDecimal("2"), new BigDecimal("185.25"), new BigDecimal("370.50"))));
    }

    private static AccountingInvoice secondInvoice() {
        return invoice("INV-2025-00043", "Acme Ortho: PO-88240", List.of(
                new AccountingInvoice.Line(null, null, new BigDecimal("1"), new BigDecimal("100.00"),
                        new BigDecimal("100.00"), new BigDecimal("8.25"), "8.25% Sales Tax", "8.25% CA")));
    }

    private static AccountingInvoice numbered(String number) {
        return invoice(number, "PO-1", List.of(AccountingInvoice.Line.untaxed("SVC-1", "Assay run",
                BigDecimal.ONE, new BigDecimal("12.40"), new BigDecimal("12.40"))));
    }

    private static AccountingInvoice invoice(String number, String reference, List<AccountingInvoice.Line> lines) {
        return new AccountingInvoice(AccountingInvoice.Kind.INVOICE, number, "St. Luke's Regional Medical Center", "ap@stlukes.example.org",
                List.of("Accounts Payable", "4500 Medical Pkwy"), "Austin", "TX", "78756", "US",
                reference, LocalDate.of(2025, 3, 14), LocalDate.of(2025, 4, 13), "Net 30", "USD", lines);
    }
}
