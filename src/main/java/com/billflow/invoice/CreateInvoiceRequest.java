package com.billflow.invoice;

import com.billflow.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/invoices: a job's invoice (or proposal), created INITIAL. */
public record CreateInvoiceRequest(
        @NotBlank @Size(max = 32) String laboratoryCode,
        @NotBlank @Size(max = 32) String clientCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = Text.NO_CONTROL) String jobNumber,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        InvoiceType type) {
}
