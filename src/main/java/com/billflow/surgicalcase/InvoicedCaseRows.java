package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.document.csv.AccountingInvoice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
 * The invoiced cases of a date range for the accounting export, read in constant memory: one query
 * joining each case to its lines (and each line to its manufacturer's PO), read through a database
 * cursor {@value #FETCH_SIZE} rows at a time and turned into one {@link AccountingInvoice} per case as
 * the CSV writer asks for it. No entity is loaded, so the persistence context does not grow, and no
 * query runs per case (facilities, a handful, are read once each).
 */
@Component
class InvoicedCaseRows {

    static final int FETCH_SIZE = 500;

    /** Ordered by the index on (invoice_date, invoice_number): rows stream without a sort of the whole range. */
    private static final String QUERY = """
            select c.id, c.invoice_number, c.facility_code, c.invoice_date, c.due_date, c.currency, c.po_all_manufacturers,
                   l.manufacturer, l.part_number, l.lot_number, l.serial_number, l.description, l.quantity, l.unit_price, l.amount,
                   (select p.po_number from surgical_case_po p where p.case_id = c.id and p.manufacturer = l.manufacturer)
            from surgical_case c join surgical_case_line l on l.case_id = c.id
            where c.invoice_number is not null and c.status <> 'CANCELLED' and c.invoice_date >= ? and c.invoice_date <= ?
            order by c.invoice_date, c.invoice_number, l.position""";

    private final JdbcTemplate jdbc;
    private final FacilityService facilities;
    private final SurgicalCaseDocuments documents;

    InvoicedCaseRows(DataSource dataSource, FacilityService facilities, SurgicalCaseDocuments documents) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.facilities = facilities;
        this.documents = documents;
    }

    /**
     * Every numbered, uncancelled case invoice dated within [from, to], by date then number. Must be
     * consumed and closed inside the caller's transaction (a cursor only lives in one).
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    Stream<AccountingInvoice> between(LocalDate from, LocalDate to) {
        Stream<Row> rows = jdbc.queryForStream(QUERY, (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                localDate(rs.getDate(4)), localDate(rs.getDate(5)), rs.getString(6).strip(), rs.getString(7),
                SurgicalCaseLine.stored(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15)), rs.getString(16)), Date.valueOf(from), Date.valueOf(to));
        Iterator<AccountingInvoice> invoices = new CaseGrouping(rows.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(invoices, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(rows::close);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private record Row(long caseId, String invoiceNumber, String facilityCode, LocalDate invoiceDate, LocalDate dueDate,
                       String currency, String poAllManufacturers, SurgicalCaseLine line, String linePo) {
    }

    /** Turns consecutive rows of one case into its invoice. */
    private final class CaseGrouping implements Iterator<AccountingInvoice> {

        private final Iterator<Row> rows;
        private final Map<String, Facility> facilityByCode = new HashMap<>();
        private Row pending;

        CaseGrouping(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return pending != null || rows.hasNext();
        }

        @Override
        public AccountingInvoice next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row first = pending != null ? pending : rows.next();
            pending = null;
            List<SurgicalCaseLine> lines = new ArrayList<>();
            Map<String, String> poByManufacturer = new LinkedHashMap<>();
            Row row = first;
            while (true) {
                lines.add(row.line());
                if (row.linePo() != null) {
                    poByManufacturer.put(row.line().getManufacturer(), row.linePo());
                }
                if (!rows.hasNext()) {
                    break;
                }
                row = rows.next();
                if (row.caseId() != first.caseId()) {
                    pending = row;
                    break;
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
