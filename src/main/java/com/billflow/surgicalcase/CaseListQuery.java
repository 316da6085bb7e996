package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Console's case list: one page of cases, newest event first, filtered by status, facility,
 * rep and event date. One query with a limit, never a load of all cases.
 */
@Component
class CaseListQuery {

    static final int PAGE_SIZE = 50;

    /**
     * What to list; every field optional.
     *
     * @param rep  a user id; for a sales rep always their own
     * @param from first event date, inclusive
     * @param to   last event date, inclusive
     */
    record Filter(SurgicalCaseStatus status, String facility, String rep, LocalDate from, LocalDate to, Awaiting awaiting,
                  LocalDate invoicedFrom, LocalDate invoicedTo, int page) {

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

    /** @param more whether another page follows */
    record Page(List<Row> rows, int page, boolean more) {
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
        sql.append(" order by c.procedure_date desc, c.id desc limit ? offset ?");
        params.add(PAGE_SIZE + 1);
        params.add((long) filter.page() * PAGE_SIZE);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        SurgicalCaseStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8), rs.getString(9)))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, filter.page(), more);
    }
}
