package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.document.csv.AccountingInvoice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The invoiced cases of a date range for the accounting export, read in constant memory and from the
 * first row at once: {@code billflow.export.cases-per-read} (default 500) cases at a time by key (invoice date, invoice number),
 * each read one query joining those cases to their lines (and each line to its manufacturer's PO),
 * served by the index on (invoice_date, invoice_number) without sorting the range. The invoices are
 * built as the CSV writer asks for them; no entity is loaded, so the persistence context does not
 * grow, and no query runs per case (facilities, a handful, are read once each).
 */
@Component
class InvoicedCaseRows {

    private static final String QUERY = """
            select c.id, c.invoice_number, c.facility_code, c.invoice_date, c.due_date, c.currency, c.po_all_manufacturers,
                   l.manufacturer, l.part_number, l.lot_number, l.serial_number, l.description, l.quantity, l.unit_price, l.amount,
                   (select p.po_number from surgical_case_po p where p.case_id = c.id and p.manufacturer = l.manufacturer)
            from (select id, invoice_number, facility_code, invoice_date, due_date, currency, po_all_manufacturers
                  from surgical_case
                  where invoice_number is not null and status <> 'CANCELLED' and invoice_date >= ? and invoice_date <= ?
                    and (invoice_date, invoice_number) > (?, ?)
                  order by invoice_date, invoice_number
                  limit ?) c
            join surgical_case_line l on l.case_id = c.id
            order by c.invoice_date, c.invoice_number, l.position""";

    private final JdbcClient jdbc;
    private final FacilityService facilities;
    private final SurgicalCaseDocuments documents;
    private final int casesPerRead;

    InvoicedCaseRows(JdbcClient jdbc, FacilityService facilities, SurgicalCaseDocuments documents,
                     @Value("${billflow.export.cases-per-read:500}") int casesPerRead) {
        this.jdbc = jdbc;
        this.casesPerRead = casesPerRead;
        this.facilities = facilities;
        this.documents = documents;
    }

    /**
     * Every numbered, uncancelled case invoice dated within [from, to], by date then number, read as the
     * stream is consumed. Must be consumed inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    Stream<AccountingInvoice> between(LocalDate from, LocalDate to) {
        Iterator<AccountingInvoice> invoices = new Reads(from, to);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(invoices, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private record Row(long caseId, String invoiceNumber, String facilityCode, LocalDate invoiceDate, LocalDate dueDate,
                       String currency, String poAllManufacturers, SurgicalCaseLine line, String linePo) {
    }

    /** Reads the next cases after the last one handed out when the previous read is used up. */
    private final class Reads implements Iterator<AccountingInvoice> {

        private final LocalDate from;
        private final LocalDate to;
        private final Map<String, Facility> facilityByCode = new HashMap<>();
        private final Deque<AccountingInvoice> read = new ArrayDeque<>();
        private LocalDate lastDate;
        private String lastNumber = "";
        private boolean exhausted;

        Reads(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            this.lastDate = from;
        }

        @Override
        public boolean hasNext() {
            if (read.isEmpty() && !exhausted) {
                readMore();
            }
            return !read.isEmpty();
        }

        @Override
        public AccountingInvoice next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return read.removeFirst();
        }

        private void readMore() {
            List<Row> rows = jdbc.sql(QUERY).param(Date.valueOf(from)).param(Date.valueOf(to)).param(Date.valueOf(lastDate)).param(lastNumber)
                    .param(casesPerRead)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), localDate(rs.getDate(4)),
                            localDate(rs.getDate(5)), rs.getString(6).strip(), rs.getString(7),
                            SurgicalCaseLine.stored(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                                    rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15)), rs.getString(16)))
                    .list();
            int cases = 0;
            for (int i = 0; i < rows.size(); ) {
                int end = i;
                while (end < rows.size() && rows.get(end).caseId() == rows.get(i).caseId()) {
                    end++;
                }
                read.add(invoice(rows.subList(i, end)));
                cases++;
                i = end;
            }
            if (cases < casesPerRead) {
                exhausted = true;
            }
            if (!rows.isEmpty()) {
                Row last = rows.get(rows.size() - 1);
                lastDate = last.invoiceDate();
                lastNumber = last.invoiceNumber();
            }
        }

        private AccountingInvoice invoice(List<Row> caseRows) {
            Row first = caseRows.get(0);
            List<SurgicalCaseLine> lines = new ArrayList<>();
            Map<String, String> poByManufacturer = new LinkedHashMap<>();
            for (Row row : caseRows) {
                lines.add(row.line());
                if (row.linePo() != null) {
                    poByManufacturer.put(row.line().getManufacturer(), row.linePo());
                }
            }
            List<String> manufacturers = lines.stream().map(SurgicalCaseLine::getManufacturer).distinct().toList();
            String reference = new PurchaseOrders(first.poAllManufacturers(), poByManufacturer).reference(manufacturers);
            Facility facility = facilityByCode.computeIfAbsent(first.facilityCode(), facilities::get);
            return documents.accounting(first.invoiceNumber(), first.invoiceDate(), first.dueDate(),
                    Currency.getInstance(first.currency()), reference, lines, facility);
        }
    }
}
