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

    DashboardController(PendingPurchaseOrderQuery pendingPurchaseOrders) {
        this.pendingPurchaseOrders = pendingPurchaseOrders;
    }

    /** The page itself is static; it reads the API below with the signed-in session. */
    @GetMapping("/dashboard")
    String dashboard() {
        return "forward:/billflow/dashboard.html";
    }

    /** Sales reps see their own cases; billing and administrators see every rep's. */
    @Operation(summary = "Cases waiting for a PO", description = "Count, total value and one page of the cases in PENDING_PO,"
            + " oldest event first. Sales reps see their own cases; billing and administrators every rep's.")
    @GetMapping("/api/dashboard/pending-po")
    @ResponseBody
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    PendingPurchaseOrders pendingPo(@RequestParam(defaultValue = "0") @Parameter(schema = @Schema(minimum = "0")) int page,
                                    @RequestParam(defaultValue = "20") @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE)) int size,
                                    Authentication user) {
        if (page < 0) {
            throw new InvalidInputException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        Caller caller = Caller.from(user);
        String rep = caller.isIn(Groups.BILLING, Groups.ADMIN) ? null : caller.userId();
        return pendingPurchaseOrders.page(page, size, rep);
    }
}
