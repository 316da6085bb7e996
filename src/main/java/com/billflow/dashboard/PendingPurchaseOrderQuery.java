package com.billflow.dashboard;

import com.billflow.BillflowProperties;
import com.billflow.dashboard.PendingPurchaseOrderCursor.Direction;
import com.billflow.security.UserNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * The panel in two small reads whatever the number of cases: the count and value per currency from
 * the summary table {@code pending_po_summary} (one row per rep and currency, kept by
 * {@code PendingPurchaseOrderSummary}), and one page of items read by key from the index on
 * (status, procedure_date, id), or (rep, status, procedure_date, id) for a rep: a page reached by a
 * cursor costs the same at any depth. Page numbers without a cursor read by offset, so they are
 * limited to the first {@link #MAX_OFFSET_ROWS} items.
 */
@Component
class PendingPurchaseOrderQuery {

    /** How deep a page number (an offset) may reach; deeper pages are reached by cursor. */
    static final int MAX_OFFSET_ROWS = 10_000;

    private static final String ITEMS = """
            select c.id, c.case_number, c.procedure_date, f.name, c.rep, c.total, c.currency
            from surgical_case c join facility f on f.code = c.facility_code
            where c.status = 'PENDING_PO'""";

    private final JdbcClient jdbc;
    private final UserNames names;
    private final BillflowProperties properties;

    PendingPurchaseOrderQuery(JdbcClient jdbc, BillflowProperties properties, UserNames names) {
        this.names = names;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * @param page   0-based page number, used when {@code cursor} is null; page × size must stay under {@link #MAX_OFFSET_ROWS}
     * @param cursor a cursor of an earlier answer, or null
     * @param rep    only this rep's cases, or null for everyone's
     */
    @Transactional(readOnly = true)
    PendingPurchaseOrders page(int page, int size, PendingPurchaseOrderCursor cursor, String rep) {
        List<PendingPurchaseOrders.CurrencyTotal> totals = totals(rep);
        long count = totals.stream().mapToLong(PendingPurchaseOrders.CurrencyTotal::count).sum();
        String currency = properties.defaultCurrency();
        BigDecimal totalValue = totals.stream().filter(t -> t.currency().equals(currency)).map(PendingPurchaseOrders.CurrencyTotal::value)
                .findFirst().orElse(rounded(BigDecimal.ZERO, currency));
        int totalPages = (int) ((count + size - 1) / size);

        int pageNumber = cursor == null ? page : cursor.page();
        List<PendingPurchaseOrders.Item> items;
        boolean hasNext;
        if (cursor == null || cursor.direction() == Direction.AFTER) {
            List<PendingPurchaseOrders.Item> rows = cursor == null
                    ? items("", "limit " + (size + 1) + " offset " + ((long) page * size), rep, null)
                    : items(" and (c.procedure_date, c.id) > (:date, :id)", "limit " + (size + 1), rep, cursor);
            hasNext = rows.size() > size;
            items = rows.subList(0, Math.min(size, rows.size()));
        } else {
            List<PendingPurchaseOrders.Item> rows = items(" and (c.procedure_date, c.id) < (:date, :id)", "limit " + (size + 1), rep, cursor);
            if (rows.size() > size) {
                items = new ArrayList<>(rows.subList(0, size));
                Collections.reverse(items);
                hasNext = true; // the page the cursor came from
            } else {
                // nothing before these: this is the first page, shown full
                pageNumber = 0;
                rows = items("", "limit " + (size + 1), rep, null);
                hasNext = rows.size() > size;
                items = rows.subList(0, Math.min(size, rows.size()));
            }
        }
        String next = hasNext ? new PendingPurchaseOrderCursor(Direction.AFTER, pageNumber + 1,
                items.get(items.size() - 1).eventDate(), items.get(items.size() - 1).caseId()).encode() : null;
        String previous = pageNumber > 0 && !items.isEmpty() ? new PendingPurchaseOrderCursor(Direction.BEFORE, pageNumber - 1,
                items.get(0).eventDate(), items.get(0).caseId()).encode() : null;
        return new PendingPurchaseOrders(count, totalValue, currency, totals, pageNumber, size, totalPages, List.copyOf(items), next, previous);
    }

    private List<PendingPurchaseOrders.CurrencyTotal> totals(String rep) {
        JdbcClient.StatementSpec statement = jdbc.sql("select currency, sum(case_count), sum(total_value) from pending_po_summary"
                + (rep == null ? "" : " where rep = :rep") + " group by currency having sum(case_count) > 0 order by currency");
        if (rep != null) {
            statement = statement.param("rep", rep);
        }
        return statement.query((rs, row) -> new PendingPurchaseOrders.CurrencyTotal(rs.getString(1).strip(), rs.getLong(2),
                rounded(rs.getBigDecimal(3), rs.getString(1).strip()))).list();
    }

    /** Items in key order: ascending, or descending for a page before a cursor (the caller reverses them). */
    private List<PendingPurchaseOrders.Item> items(String keyCondition, String limit, String rep, PendingPurchaseOrderCursor cursor) {
        boolean descending = cursor != null && cursor.direction() == Direction.BEFORE;
        String order = descending ? " order by c.procedure_date desc, c.id desc " : " order by c.procedure_date, c.id ";
        JdbcClient.StatementSpec statement = jdbc.sql(ITEMS + (rep == null ? "" : " and c.rep = :rep") + keyCondition + order + limit);
        if (rep != null) {
            statement = statement.param("rep", rep);
        }
        if (cursor != null) {
            statement = statement.param("date", cursor.eventDate()).param("id", cursor.caseId());
        }
        List<PendingPurchaseOrders.Item> items = statement.query((rs, row) -> new PendingPurchaseOrders.Item(rs.getLong(1), rs.getString(2),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), null,
                rounded(rs.getBigDecimal(6), rs.getString(7).strip()), rs.getString(7).strip())).list();
        Map<String, String> repNames = names.namesOf(items.stream().map(PendingPurchaseOrders.Item::rep).toList()); // one query per page
        return new ArrayList<>(items.stream().map(item -> new PendingPurchaseOrders.Item(item.caseId(), item.caseNumber(), item.eventDate(),
                item.facility(), item.rep(), repNames.get(item.rep()), item.value(), item.currency())).toList());
    }

    private static BigDecimal rounded(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
