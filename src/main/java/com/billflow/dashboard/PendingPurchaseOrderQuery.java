package com.billflow.dashboard;

import com.billflow.BillflowProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Two queries per page, both served by the index on (status, procedure_date, id): the totals by
 * currency, and the one page of items. Never a load of all cases.
 */
@Component
class PendingPurchaseOrderQuery {

    private final JdbcClient jdbc;
    private final BillflowProperties properties;

    PendingPurchaseOrderQuery(JdbcClient jdbc, BillflowProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @param rep only this rep's cases, or null for everyone's */
    @Transactional(readOnly = true)
    PendingPurchaseOrders page(int page, int size, String rep) {
        List<PendingPurchaseOrders.CurrencyTotal> totals = jdbc.sql("""
                        select currency, count(*), coalesce(sum(total), 0) from surgical_case
                        where status = 'PENDING_PO' and (cast(:rep as varchar(64)) is null or rep = :rep)
                        group by currency order by currency""")
                .param("rep", rep)
                .query((rs, row) -> new PendingPurchaseOrders.CurrencyTotal(rs.getString(1), rs.getLong(2), rounded(rs.getBigDecimal(3), rs.getString(1))))
                .list();
        List<PendingPurchaseOrders.Item> items = jdbc.sql("""
                        select c.id, c.case_number, c.procedure_date, f.name, c.rep, c.total, c.currency
                        from surgical_case c join facility f on f.code = c.facility_code
                        where c.status = 'PENDING_PO' and (cast(:rep as varchar(64)) is null or c.rep = :rep)
                        order by c.procedure_date, c.id
                        limit :size offset :offset""")
                .param("rep", rep).param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> new PendingPurchaseOrders.Item(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5), rounded(rs.getBigDecimal(6), rs.getString(7)), rs.getString(7)))
                .list();
        long count = totals.stream().mapToLong(PendingPurchaseOrders.CurrencyTotal::count).sum();
        String currency = properties.defaultCurrency();
        BigDecimal totalValue = totals.stream().filter(t -> t.currency().equals(currency)).map(PendingPurchaseOrders.CurrencyTotal::value)
                .findFirst().orElse(rounded(BigDecimal.ZERO, currency));
        int totalPages = (int) ((count + size - 1) / size);
        return new PendingPurchaseOrders(count, totalValue, currency, totals, page, size, totalPages, items);
    }

    private static BigDecimal rounded(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
