package com.billflow.dashboard;

import com.billflow.apidocs.ApiTags;
import com.billflow.common.InvalidInputException;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard page and the API of its "Pending PO#'s" panel. */
@Controller
@Tag(name = ApiTags.DASHBOARD)
class DashboardController {

    static final int MAX_PAGE_SIZE = 100;

    private final PendingPurchaseOrderQuery pendingPurchaseOrders;
    private final CaseCharts charts;

    DashboardController(PendingPurchaseOrderQuery pendingPurchaseOrders, CaseCharts charts) {
        this.pendingPurchaseOrders = pendingPurchaseOrders;
        this.charts = charts;
    }

    /** The page: its panels read the APIs below with the signed-in session. */
    @GetMapping("/dashboard")
    String dashboard() {
        return "dashboard/dashboard";
    }

    /**
     * Sales reps see their own cases; billing and administrators see every rep's. Pages follow
     * {@code nextCursor} / {@code previousCursor} at any depth; a bare {@code page} number reads by
     * offset and is refused (400) beyond the first {@value PendingPurchaseOrderQuery#MAX_OFFSET_ROWS} items.
     */
    @Operation(summary = "Cases waiting for a PO", description = "Count, total value and one page of the cases in PENDING_PO,"
            + " oldest event first (event date, then case id). Sales reps see their own cases; billing and administrators every rep's."
            + " Count and totals come from a summary kept with every status change, so they cost the same at any number of cases."
            + " Page through with `cursor`: each answer's `nextCursor` and `previousCursor` (opaque text) lead to the neighbouring"
            + " pages at any depth, and `page` in the answer says which page it is. Without a cursor, `page` is read by offset and"
            + " is refused (400) when page × size reaches " + PendingPurchaseOrderQuery.MAX_OFFSET_ROWS + " items.")
    @GetMapping("/api/dashboard/pending-po")
    @ResponseBody
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    PendingPurchaseOrders pendingPo(@RequestParam(defaultValue = "0") @Parameter(description = "0-based page number, read by offset:"
                                            + " page × size must stay under " + PendingPurchaseOrderQuery.MAX_OFFSET_ROWS
                                            + "; ignored when `cursor` is given", schema = @Schema(minimum = "0")) int page,
                                    @RequestParam(defaultValue = "20") @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE)) int size,
                                    @RequestParam(required = false) @Parameter(description = "`nextCursor` or `previousCursor` of an"
                                            + " earlier answer, as it was (opaque); leave out for the first page") String cursor,
                                    Authentication user) {
        if (page < 0) {
            throw new InvalidInputException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        PendingPurchaseOrderCursor from = cursor == null || cursor.isBlank() ? null : PendingPurchaseOrderCursor.decode(cursor);
        if (from == null && (long) page * size + size > PendingPurchaseOrderQuery.MAX_OFFSET_ROWS) {
            throw new InvalidInputException("page " + page + " of " + size + " is too deep for a page number (at most the first "
                    + PendingPurchaseOrderQuery.MAX_OFFSET_ROWS + " items): follow nextCursor from an earlier page instead");
        }
        return pendingPurchaseOrders.page(page, size, from, repOf(user));
    }

    /**
     * The dashboard's charts. Sales reps see their own cases; billing and administrators every rep's.
     * Read from counters kept with every change of a case, so the cost does not grow with the number of cases.
     */
    @Operation(summary = "The dashboard's charts", description = "Cases by status; cases waiting for a PO by the age of their"
            + " event (0–7, 8–30, 31–60, > 60 days); issued invoices not yet paid in full by the age of the invoice (0–30, 31–60,"
            + " 61–90, > 90 days); invoiced cases whose commission is not yet paid, by rep. Each bar has its count, its value per"
            + " currency (formatted in `value` for the dashboard's currency) and `link`, the Console case list of exactly its cases."
            + " Sales reps see their own cases; billing and administrators every rep's.")
    @GetMapping("/api/dashboard/charts")
    @ResponseBody
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    CaseCharts.Charts charts(Authentication user) {
        return charts.charts(repOf(user));
    }

    /** Null for billing and administrators (every rep), else the signed-in rep. */
    private static String repOf(Authentication user) {
        Caller caller = Caller.from(user);
        return caller.isIn(Groups.BILLING, Groups.ADMIN) ? null : caller.userId();
    }
}
