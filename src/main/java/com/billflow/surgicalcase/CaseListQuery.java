package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Console's case list: one page of cases, newest event first, filtered by status, facility,
 * rep, event date, what the case waits for and invoice date. One query with a limit, read by key
 * (event date, id) from an index, never a load of all cases.
 */
@Component
class CaseListQuery {

    static final int PAGE_SIZE = 50;
    /** How deep a bare page number (an offset) reaches; deeper pages are reached by Next. */
    static final int MAX_OFFSET_ROWS = 10_000;

    /**
     * What to list; every field optional.
     *
     * @param rep  a user id; for a sales rep always their own
     * @param from first event date, inclusive
     * @param to   last event date, inclusive
     */
    record Filter(SurgicalCaseStatus status, String facility, String rep, LocalDate from, LocalDate to, Awaiting awaiting,
                  LocalDate invoicedFrom, LocalDate invoicedTo, int page, Key after, Key before) {

        /** The same filter for the page after ({@code after}) or before ({@code before}) a row, numbered {@code otherPage}. */
        public String link(int otherPage, Key afterKey, Key beforeKey) {
            return UriComponentsBuilder.fromUriString(link(otherPage))
                    .queryParamIfPresent("after", java.util.Optional.ofNullable(afterKey))
                    .queryParamIfPresent("before", java.util.Optional.ofNullable(beforeKey))
                    .encode().build().toUriString();
        }


        /** The case list with this filter at {@code otherPage}, e.g. "/console/cases?status=PAID&amp;page=2". */
        public String link(int otherPage) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/cases");
            Object[] nameValues = {"status", status, "facility", facility, "rep", rep, "from", from, "to", to, "awaiting", awaiting,
                    "invoicedFrom", invoicedFrom, "invoicedTo", invoicedTo};
            for (int i = 0; i < nameValues.length; i += 2) {
                if (nameValues[i + 1] != null) {
                    uri.queryParam((String) nameValues[i], nameValues[i + 1]);
                }
            }
            return uri.queryParam("page", otherPage).encode().build().toUriString();
        }
    }

    /** Invoiced cases still waiting for a payment: the facility's (not paid in full) or the rep's commission. */
    enum Awaiting { INVOICE_PAYMENT, COMMISSION }

    /** One row: the value is {@code total} in {@code currency}. */
    record Row(Long id, String caseNumber, LocalDate eventDate, String facilityName, String rep, SurgicalCaseStatus status,
               BigDecimal total, String currency, String invoiceNumber) {
    }

    /**
     * A row's place in the list's order (event date, then id, both descending), as the text
     * "2026-11-20~123" that the list's Next and Previous links carry.
     */
    record Key(LocalDate eventDate, long id) {
        static Key parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int separator = text.indexOf('~');
            try {
                return new Key(LocalDate.parse(text.substring(0, separator)), Long.parseLong(text.substring(separator + 1)));
            } catch (RuntimeException e) {
                throw new InvalidInputException("'" + text + "' is not a place in the case list: follow Next or Previous from a page of it");
            }
        }

        static Key of(Row row) {
            return new Key(row.eventDate(), row.id());
        }

        @Override
        public String toString() {
            return eventDate + "~" + id;
        }
    }

    /**
     * One page.
     *
     * @param more     whether another page follows
     * @param previous whether a page comes before
     */
    record Page(List<Row> rows, int page, boolean more, boolean previous) {
        public Key firstKey() {
            return rows.isEmpty() ? null : Key.of(rows.get(0));
        }

        public Key lastKey() {
            return rows.isEmpty() ? null : Key.of(rows.get(rows.size() - 1));
        }
    }

    private final JdbcClient jdbc;

    CaseListQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Page find(Filter filter) {
        if (filter.page() < 0) {
            throw new InvalidInputException("page must be 0 or more, was " + filter.page());
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("The event date 'from' " + filter.from() + " is after 'to' " + filter.to());
        }
        if (filter.invoicedFrom() != null && filter.invoicedTo() != null && filter.invoicedFrom().isAfter(filter.invoicedTo())) {
            throw new InvalidInputException("The invoice date 'from' " + filter.invoicedFrom() + " is after 'to' " + filter.invoicedTo());
        }
        StringBuilder sql = new StringBuilder("""
                select c.id, c.case_number, c.procedure_date, f.name, c.rep, c.status, c.total, c.currency, c.invoice_number
                from surgical_case c join facility f on f.code = c.facility_code where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.facility() != null) {
            sql.append(" and c.facility_code = ?");
            params.add(filter.facility());
        }
        if (filter.rep() != null) {
            sql.append(" and c.rep = ?");
            params.add(filter.rep());
        }
        if (filter.from() != null) {
            sql.append(" and c.procedure_date >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and c.procedure_date <= ?");
            params.add(filter.to());
        }
        if (filter.awaiting() != null) {
            sql.append(" and c.invoice_number is not null and c.status <> 'CANCELLED' and ")
                    .append(filter.awaiting() == Awaiting.INVOICE_PAYMENT ? "c.invoice_paid = false" : "c.commission_paid = false");
        }
        if (filter.invoicedFrom() != null) {
            sql.append(" and c.invoice_date >= ?");
            params.add(filter.invoicedFrom());
        }
        if (filter.invoicedTo() != null) {
            sql.append(" and c.invoice_date <= ?");
            params.add(filter.invoicedTo());
        }
        // Read by key from the index on (rep, procedure_date, id), (procedure_date, id) or the status ones:
        // the same cost at any depth. A bare page number reads by offset, for the first MAX_OFFSET_ROWS rows only.
        boolean backwards = filter.before() != null;
        Key key = backwards ? filter.before() : filter.after();
        if (key != null) {
            sql.append(backwards ? " and (c.procedure_date, c.id) > (?, ?)" : " and (c.procedure_date, c.id) < (?, ?)");
            params.add(key.eventDate());
            params.add(key.id());
        } else if ((long) filter.page() * PAGE_SIZE + PAGE_SIZE > MAX_OFFSET_ROWS) {
            throw new InvalidInputException("Page " + (filter.page() + 1) + " is too deep for a page number (the first "
                    + MAX_OFFSET_ROWS + " cases): follow Next from an earlier page, or narrow the filter");
        }
        sql.append(backwards ? " order by c.procedure_date asc, c.id asc limit ?" : " order by c.procedure_date desc, c.id desc limit ?");
        params.add(PAGE_SIZE + 1);
        if (key == null) {
            sql.append(" offset ?");
            params.add((long) filter.page() * PAGE_SIZE);
        }
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        SurgicalCaseStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8), rs.getString(9)))
                .list());
        boolean beyond = rows.size() > PAGE_SIZE;
        List<Row> page = beyond ? rows.subList(0, PAGE_SIZE) : rows;
        if (backwards) {
            Collections.reverse(page);
            return new Page(page, filter.page(), true, beyond);
        }
        return new Page(page, filter.page(), beyond, key != null || filter.page() > 0);
    }
}
