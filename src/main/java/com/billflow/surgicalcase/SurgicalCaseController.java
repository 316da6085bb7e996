package com.billflow.surgicalcase;

import com.billflow.apidocs.ApiTags;
import com.billflow.document.StoredDocument;
import com.billflow.payment.PaymentInput;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.common.CsvDownloads;
import com.billflow.security.Caller;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;

/** Surgical cases over REST (SPEC §4); each call completes the same Camunda task as Tasklist. */
@RestController
@RequestMapping("/api/surgical-cases")
@Tag(name = ApiTags.SURGICAL_CASES)
class SurgicalCaseController {

    private static final String CASE_WORKERS = "hasAnyAuthority('billing', 'camunda-admin')";

    private final SurgicalCaseService cases;
    private final SurgicalCaseTasks tasks;
    private final SurgicalCaseInvoicing invoicing;
    private final SurgicalCaseExports exports;
    private final CaseWaits waits;

    SurgicalCaseController(SurgicalCaseService cases, SurgicalCaseTasks tasks, SurgicalCaseInvoicing invoicing, SurgicalCaseExports exports,
                           CaseWaits waits) {
        this.waits = waits;
        this.cases = cases;
        this.tasks = tasks;
        this.invoicing = invoicing;
        this.exports = exports;
    }

    @Schema(description = "Either one PO number for all manufacturers or one per manufacturer on the case; each PO 1-"
            + PurchaseOrders.MAX_LENGTH + " characters after trimming, no control characters.")
    record PurchaseOrdersRequest(@Schema(maxLength = PurchaseOrders.MAX_LENGTH, example = "PO-1") String allManufacturers,
                                 @Schema(description = "manufacturer → PO number, one for each manufacturer on the case")
                                 @Size(max = 50) Map<String, String> byManufacturer) {
    }

    @Schema(description = "Each field optional: left out, it takes the default of the Send Invoice task.")
    record EmailRequest(
            @Schema(maxLength = InvoiceRecipients.MAX_TO_LENGTH, description = "An RFC 5322 address list, e.g. \"Doe, Jane\" <jane@x.test>, ap@x.test; at most "
                    + InvoiceRecipients.MAX_RECIPIENTS + " recipients in all") String to,
            @Schema(description = "Also send to every billing contact of the facility (\"All Emails\")") Boolean allContacts,
            @Schema(maxLength = InvoiceRecipients.MAX_ADDRESS_LENGTH) String replyTo,
            @Schema(maxLength = InvoiceRecipients.MAX_SUBJECT_LENGTH, description = "One line") String subject,
            @Schema(maxLength = InvoiceRecipients.MAX_BODY_LENGTH) String body) {
    }

    @Operation(summary = "Submit a case for billing", description = "Starts the billing process; the case waits as PENDING_PO."
            + " A sales rep submits only their own cases (`rep` left out or their user name).")
    @ApiResponse(responseCode = "201", description = "The case as created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    ResponseEntity<SurgicalCaseJson> submit(@Valid @RequestBody SubmitCaseRequest request, Authentication user) {
        SurgicalCase created = cases.submit(request, Caller.from(user));
        return ResponseEntity.created(URI.create("/api/surgical-cases/" + created.getId())).body(json(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    @Operation(summary = "Read a case", description = "A sales rep reads only their own cases."
            + " Every answer carries the case's ETag. With If-None-Match naming it, the answer is"
            + " 304 while the case is unchanged; with also `Prefer: wait=N` (N seconds, at most 30) the request waits up to N"
            + " seconds for a change first, e.g. for the invoice after the PO was entered, instead of asking again and again.")
    @ApiResponse(responseCode = "200", description = "The case", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "304", description = "Unchanged (If-None-Match names its ETag), after the wait asked for", content = @Content)
    ResponseEntity<SurgicalCaseJson> get(@PathVariable Long id,
                                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                         @Parameter(description = "The ETag of the case as last read") String ifNoneMatch,
                                         @RequestHeader(name = "Prefer", required = false)
                                         @Parameter(description = "`wait=N`: wait up to N seconds (at most 30) for a change", example = "wait=10")
                                         String prefer,
                                         Authentication user) {
        return waits.get(id, Caller.from(user), ifNoneMatch, prefer);
    }

    @Operation(summary = "Add the purchase order(s)", description = "Completes the open Add Purchase Order task;"
            + " the case moves to PENDING_PAYMENT. A sales rep does this only for their own cases.")
    @PutMapping("/{id}/purchase-orders")
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    SurgicalCaseJson addPurchaseOrders(@PathVariable Long id, @Valid @RequestBody PurchaseOrdersRequest request, Authentication user) {
        return json(tasks.addPurchaseOrders(id, request.allManufacturers(), request.byManufacturer(), Caller.from(user)));
    }

    @Operation(summary = "Email the invoice", description = "Completes Send Invoice with EMAIL; the PDF is attached and sent by an async, retried step.")
    @PostMapping("/{id}/invoice/email")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson emailInvoice(@PathVariable Long id, @RequestBody(required = false) EmailRequest request, Authentication user) {
        EmailRequest r = request == null ? new EmailRequest(null, null, null, null, null) : request;
        return json(tasks.emailInvoice(id,
                new InvoiceEmail(r.to(), Boolean.TRUE.equals(r.allContacts()), r.replyTo(), r.subject(), r.body()), Caller.from(user)));
    }

    @Schema(description = "Both payments at once; `commission.amount` is required")
    record BothPaymentsRequest(@Valid PaymentInput invoice, @Valid PaymentInput commission) {
    }

    @Operation(summary = "Record a payment of the invoice", description = "Body optional: `paymentDate` (default today), `amount`"
            + " (default the open amount; less is a partial payment: the case stays PENDING_PAYMENT and Mark Invoice Paid comes back"
            + " for the rest; more is refused with 400), `reference`. Completes Mark Invoice Paid.")
    @PostMapping("/{id}/invoice-paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson invoicePaid(@PathVariable Long id, @Valid @RequestBody(required = false) PaymentInput request, Authentication user) {
        return json(tasks.markInvoicePaid(id, request == null ? PaymentInput.defaults() : request, Caller.from(user)));
    }

    @Operation(summary = "Record the rep's commission as paid", description = "`amount` required; `period` the month (2026-11) or"
            + " date range (2026-11-01..2026-11-15) it pays for, default the month of `paymentDate` (default today); `reference`.")
    @PostMapping("/{id}/commission-paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson commissionPaid(@PathVariable Long id, @Valid @RequestBody(required = false) PaymentInput request, Authentication user) {
        return json(tasks.markCommissionPaid(id, request == null ? PaymentInput.defaults() : request, Caller.from(user)));
    }

    @Operation(summary = "Record invoice and commission as paid", description = "`{\"invoice\": {...}, \"commission\": {\"amount\": ...}}`:"
            + " each as in the two calls above; the case becomes PAID when the invoice payment is its open amount.")
    @PostMapping("/{id}/paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson paid(@PathVariable Long id, @Valid @RequestBody(required = false) BothPaymentsRequest request, Authentication user) {
        BothPaymentsRequest r = request == null ? new BothPaymentsRequest(null, null) : request;
        return json(tasks.markPaid(id, r.invoice() == null ? PaymentInput.defaults() : r.invoice(),
                r.commission() == null ? PaymentInput.defaults() : r.commission(), Caller.from(user)));
    }

    private SurgicalCaseJson json(SurgicalCase surgicalCase) {
        return cases.json(surgicalCase);
    }

    @Operation(summary = "Cancel a case", description = "Only while PENDING_PO; afterwards 409.")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson cancel(@PathVariable Long id) {
        return json(cases.cancel(id));
    }

    @Operation(summary = "Download the invoice PDF", description = "Header `X-Content-SHA256` carries the PDF's SHA-256.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "ILLEGAL_STATUS: the case has no invoice yet")
    @GetMapping("/{id}/invoice.pdf")
    @PreAuthorize(CASE_WORKERS)
    ResponseEntity<byte[]> invoicePdf(@PathVariable Long id) {
        StoredDocument pdf = invoicing.invoicePdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.getFileName()).build().toString())
                .header("X-Content-SHA256", pdf.getSha256())
                .body(pdf.getContent());
    }

    /** One invoice is small: it is written to a buffer first so that a refusal is still a clean JSON 4xx. */
    @Operation(summary = "Download the invoice as an accounting import CSV")
    @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "ILLEGAL_STATUS: the case has no invoice yet")
    @GetMapping("/{id}/invoice.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void invoiceCsv(@PathVariable Long id, @RequestParam(required = false) @Parameter(description = CsvDownloads.FORMAT_DESCRIPTION,
            schema = @Schema(allowableValues = {"xero", "quickbooks"})) String format, HttpServletResponse response) throws IOException {
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        StringWriter csv = new StringWriter();
        String number = exports.writeCsv(id, accountingFormat, csv);
        CsvDownloads.start(response, number, accountingFormat).write(csv.toString());
    }
}
