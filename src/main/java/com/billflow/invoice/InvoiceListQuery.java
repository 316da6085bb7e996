package com.billflow.invoice;

import com.billflow.common.BusinessDates;
import com.billflow.common.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Console's invoice list: one page of invoices, credit notes and proposals, newest first, read by
 * key ({@code created_at}, {@code id}) after the last row of the page before, never by offset, so the
 * hundredth page costs what the first does (index {@code ix_invoice_laboratory_created}, V14).
 */
@Component
class InvoiceListQuery {

    static final int PAGE_SIZE = 50;

    /**
     * What to list; every field optional.
     *
     * @param laboratoryCodes the caller's laboratories ({@link com.billflow.security.LaboratoryScope#filter()}): null for every
     *                        laboratory, empty for none
     * @param from            first creation date (the server's time zone), inclusive
     * @param to              last creation date, inclusive
     * @param after           the key of the last row of the page before; null for the newest page
     */
    record Filter(Collection<String> laboratoryCodes, String laboratory, String client, InvoiceType type, InvoiceStatus status,
                  LocalDate from, LocalDate to, Key after) {
    }

    /** A row's place in the order: its creation instant (as stored, to the microsecond) and id. In links: {@code <ISO instant>_<id>}. */
    record Key(Instant createdAt, long id) {

        /** Public, so that the page's SpEL can call it for the "Older" link (it calls no package-private method). */
        public String token() {
            return createdAt + "_" + id;
        }

        /** Reads a {@link #token()}; anything else is refused (400). Null or blank: no key. */
        static Key parse(String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            String[] parts = token.strip().split("_", 2);
            try {
                return new Key(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException notAKey) {
                throw new InvalidInputException("'" + token + "' is not a page of this list: start again from the newest invoices");
            }
        }
    }

    /** One row: {@code total} is in {@code currency}; {@code number} is null until released. */
    record Row(Long id, InvoiceType type, InvoiceStatus status, String number, String laboratoryName, String clientName,
               String jobNumber, BigDecimal total, String currency, Instant createdAt, String laboratoryCode, String clientCode) {
    }

    /** @param next the key of the next (older) page, or null when this is the last */
    record Page(List<Row> rows, Key next) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    InvoiceListQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page find(Filter filter) {
        BusinessDates.require("from", filter.from());
        BusinessDates.require("to", filter.to());
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("The date 'from' " + filter.from() + " is after 'to' " + filter.to());
        }
        if (filter.laboratoryCodes() != null && filter.laboratoryCodes().isEmpty()) {
            return new Page(List.of(), null);
        }
        StringBuilder sql = new StringBuilder("""
                select i.id, i.type, i.status, i.number, l.name, c.name, i.job_number, i.total, i.currency, i.created_at,
                       i.laboratory_code, i.client_code
                from invoice i join laboratory l on l.code = i.laboratory_code join client c on c.code = i.client_code
                where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (filter.laboratoryCodes() != null) {
            sql.append(" and i.laboratory_code in (").append(String.join(", ", filter.laboratoryCodes().stream().map(code -> "?").toList()))
                    .append(")");
            params.addAll(filter.laboratoryCodes());
        }
        condition(sql, params, " and i.laboratory_code = ?", filter.laboratory());
        condition(sql, params, " and i.client_code = ?", filter.client());
        condition(sql, params, " and i.type = ?", filter.type() == null ? null : filter.type().name());
        condition(sql, params, " and i.status = ?", filter.status() == null ? null : filter.status().name());
        condition(sql, params, " and i.created_at >= ?", filter.from() == null ? null : startOf(filter.from()));
        condition(sql, params, " and i.created_at < ?", filter.to() == null ? null : startOf(filter.to().plusDays(1)));
        if (filter.after() != null) {
            // a row comparison, not "created_at < ? or (created_at = ? and id < ?)": PostgreSQL makes the row an index
            // condition and starts reading at the key; the OR form is only a filter, read from the newest row down
            sql.append(" and (i.created_at, i.id) < (?, ?)");
            params.add(utc(filter.after().createdAt()));
            params.add(filter.after().id());
        }
        sql.append(" order by i.created_at desc, i.id desc limit ?");
        params.add(PAGE_SIZE + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Row(rs.getLong(1), InvoiceType.valueOf(rs.getString(2)), InvoiceStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11), rs.getString(12)))
                .list();
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, null);
        }
        Row last = rows.get(PAGE_SIZE - 1);
        return new Page(rows.subList(0, PAGE_SIZE), new Key(last.createdAt(), last.id()));
    }

    private OffsetDateTime startOf(LocalDate date) {
        return utc(date.atStartOfDay(clock.getZone()).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }
}
