package com.billflow.dashboard;

import com.billflow.BillflowProperties;
import com.billflow.money.MoneyFormat;
import com.billflow.security.UserNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's charts, read from the counters of {@code case_figures} (kept by the case service
 * with every change of a case), never from the cases: each chart adds up at most one row per rep,
 * currency and day, so it costs the same at a million cases. Every bar carries the Console case
 * list's URL that lists exactly its cases.
 */
@Component
class CaseCharts {

    private static final List<String> STATUSES = List.of("PENDING_PO", "PENDING_PAYMENT", "PAID", "CANCELLED");
    private static final Map<String, String> STATUS_NAMES = Map.of("PENDING_PO", "Pending PO", "PENDING_PAYMENT", "Pending Payment",
            "PAID", "Paid", "CANCELLED", "Cancelled");
    private static final String CASES = "/console/cases";

    /** An age band in days, inclusive; {@code toDays} null: no upper end. */
    private record Band(String label, int fromDays, Integer toDays) {
    }

    private static final List<Band> PENDING_PO_BANDS = List.of(new Band("0–7 days", 0, 7), new Band("8–30 days", 8, 30),
            new Band("31–60 days", 31, 60), new Band("> 60 days", 61, null));
    private static final List<Band> UNPAID_BANDS = List.of(new Band("0–30 days", 0, 30), new Band("31–60 days", 31, 60),
            new Band("61–90 days", 61, 90), new Band("> 90 days", 91, null));

    /** One bar: how many cases, their value per currency, and the case list that shows them. */
    @Schema(name = "ChartBar")
    record Bar(@Schema(example = "Pending PO") String label, long count,
               @Schema(description = "Value of the bar's cases per ISO currency code") Map<String, BigDecimal> values,
               @Schema(description = "The value in the dashboard's currency, formatted", example = "$12,345.00") String value,
               @Schema(description = "The value in every currency, formatted") List<String> allValues,
               @Schema(example = "/console/cases?status=PENDING_PO") String link) {
    }

    /** The four charts; values are chiefly shown in {@code currency} (the default currency). */
    @Schema(name = "DashboardCharts")
    record Charts(String currency, List<Bar> casesByStatus, List<Bar> pendingPoByAge, List<Bar> unpaidInvoicesByAge,
                  List<Bar> commissionDueByRep) {
    }

    private final JdbcClient jdbc;
    private final UserNames userNames;
    private final MoneyFormat money;
    private final BillflowProperties properties;
    private final Clock clock;

    CaseCharts(JdbcClient jdbc, UserNames userNames, MoneyFormat money, BillflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.userNames = userNames;
        this.money = money;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param rep a sales rep's user id to see only their cases, or null for everyone's */
    @Transactional(readOnly = true)
    Charts charts(String rep) {
        LocalDate today = LocalDate.now(clock);
        return new Charts(properties.defaultCurrency(), byStatus(rep), byAge("STATUS_PENDING_PO", PENDING_PO_BANDS, today, rep,
                (from, to) -> link("status", "PENDING_PO", "from", from, "to", to)),
                byAge("INVOICE_UNPAID", UNPAID_BANDS, today, rep,
                        (from, to) -> link("awaiting", "INVOICE_PAYMENT", "invoicedFrom", from, "invoicedTo", to)),
                commissionByRep(rep));
    }

    private List<Bar> byStatus(String rep) {
        Map<String, Map<String, long[]>> rows = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        STATUSES.forEach(s -> { rows.put("STATUS_" + s, new TreeMap<>()); values.put("STATUS_" + s, new TreeMap<>()); });
        read("measure in ('STATUS_PENDING_PO', 'STATUS_PENDING_PAYMENT', 'STATUS_PAID', 'STATUS_CANCELLED')", rep, "measure",
                (group, currency, count, value) -> add(rows, values, group, currency, count, value));
        List<Bar> bars = new ArrayList<>();
        for (String status : STATUSES) {
            bars.add(bar(STATUS_NAMES.get(status), rows.get("STATUS_" + status), values.get("STATUS_" + status),
                    link("status", status)));
        }
        return bars;
    }

    private List<Bar> byAge(String measure, List<Band> bands, LocalDate today, String rep, java.util.function.BinaryOperator<String> linkOf) {
        List<Map<String, long[]>> counts = new ArrayList<>();
        List<Map<String, BigDecimal>> values = new ArrayList<>();
        bands.forEach(b -> { counts.add(new TreeMap<>()); values.add(new TreeMap<>()); });
        read("measure = '" + measure + "'", rep, "figure_date", (group, currency, count, value) -> {
            long age = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(group), today);
            for (int i = 0; i < bands.size(); i++) {
                Band band = bands.get(i);
                if (age <= (band.toDays() == null ? Long.MAX_VALUE : band.toDays()) && (i == 0 || age >= band.fromDays())) {
                    counts.get(i).merge(currency, new long[]{count}, (a, b) -> new long[]{a[0] + b[0]});
                    values.get(i).merge(currency, value, BigDecimal::add);
                    break;
                }
            }
        });
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String from = band.toDays() == null ? null : today.minusDays(band.toDays()).toString();
            String to = i == 0 ? null : today.minusDays(band.fromDays()).toString();
            bars.add(bar(band.label(), counts.get(i), values.get(i), linkOf.apply(from, to)));
        }
        return bars;
    }

    private List<Bar> commissionByRep(String rep) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        read("measure = 'COMMISSION_DUE'", rep, "rep", (group, currency, count, value) -> add(counts, values, group, currency, count, value));
        List<Bar> bars = new ArrayList<>();
        Map<String, String> repNames = userNames.namesOf(counts.keySet());
        counts.forEach((repId, byCurrency) -> {
            if (byCurrency.values().stream().mapToLong(c -> c[0]).sum() > 0) {
                bars.add(bar(repNames.get(repId), byCurrency, values.get(repId), link("awaiting", "COMMISSION", "rep", repId)));
            }
        });
        return bars;
    }

    private interface Row {
        void accept(String group, String currency, long count, BigDecimal value);
    }

    /** One grouped read of case_figures: (group column, currency) → count and value; uses the primary key's prefix. */
    private void read(String measureCondition, String rep, String groupColumn, Row row) {
        String sql = "select " + groupColumn + ", currency, sum(case_count), sum(total_value) from case_figures where "
                + measureCondition + (rep == null ? "" : " and rep = ?") + " group by " + groupColumn + ", currency"
                + " having sum(case_count) <> 0";
        var statement = jdbc.sql(sql);
        if (rep != null) {
            statement = statement.param(rep);
        }
        statement.query((rs, i) -> {
            row.accept(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
            return null;
        }).list();
    }

    private static void add(Map<String, Map<String, long[]>> counts, Map<String, Map<String, BigDecimal>> values,
                            String group, String currency, long count, BigDecimal value) {
        counts.computeIfAbsent(group, g -> new TreeMap<>()).merge(currency, new long[]{count}, (a, b) -> new long[]{a[0] + b[0]});
        values.computeIfAbsent(group, g -> new TreeMap<>()).merge(currency, value, BigDecimal::add);
    }

    private Bar bar(String label, Map<String, long[]> counts, Map<String, BigDecimal> values, String link) {
        long count = counts.values().stream().mapToLong(c -> c[0]).sum();
        String currency = properties.defaultCurrency();
        BigDecimal mainValue = values.getOrDefault(currency, BigDecimal.ZERO);
        List<String> all = values.entrySet().stream().map(v -> money.format(v.getValue(), v.getKey())).toList();
        return new Bar(label, count, Map.copyOf(values), money.format(mainValue, currency), all, link);
    }

    /** The Console's case list with these filters (pairs of name and value; null values left out). */
    private static String link(String... nameValues) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(CASES);
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                uri.queryParam(nameValues[i], nameValues[i + 1]);
            }
        }
        return uri.build().toUriString();
    }
}
