package com.billflow.invoice;

import com.billflow.common.Text;
import com.billflow.money.CurrencyCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/invoices: a job's invoice (or proposal), created INITIAL. */
public record CreateInvoiceRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = Text.NO_CONTROL) String laboratoryCode,
        @NotBlank @Size(max = 32) @Pattern(regexp = Text.NO_CONTROL) String clientCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = Text.NO_CONTROL) String jobNumber,
        @CurrencyCode String currency,
        InvoiceType type) {
}
