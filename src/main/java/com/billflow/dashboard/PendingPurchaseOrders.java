package com.billflow.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The "Pending PO#'s" panel: how many cases wait for a PO, what they are worth, and one page of
 * them, oldest event first.
 *
 * @param totalValue the value of the pending cases in {@code currency} (the default currency)
 * @param totals         the value per currency, for when cases are billed in several currencies
 * @param page           the 0-based number of this page (from {@code page}, or from the cursor)
 * @param nextCursor     pass as {@code cursor} for the page after this one; absent on the last page
 * @param previousCursor pass as {@code cursor} for the page before this one; absent on the first page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingPurchaseOrders(long count, BigDecimal totalValue, String currency, List<CurrencyTotal> totals,
                                    int page, int size, int totalPages, List<Item> items,
                                    @Schema(description = "Opaque: pass as `cursor` for the next page; absent on the last page")
                                    String nextCursor,
                                    @Schema(description = "Opaque: pass as `cursor` for the previous page; absent on the first page")
                                    String previousCursor) {

    public record CurrencyTotal(String currency, long count, BigDecimal value) {
    }

    @Schema(name = "PendingPurchaseOrder")
    /**
     * One case waiting for its PO: {@code facility} is the facility's name, {@code rep} the rep's user id and
     * {@code repName} their name (Camunda identity; the id when none is on file), {@code value} the case total
     * rounded to the currency's digits.
     */
    public record Item(Long caseId, String caseNumber, LocalDate eventDate, String facility, String rep, String repName,
                       BigDecimal value, String currency) {
    }
}
