package com.billflow.directory;

import com.billflow.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of POST and PUT /api/facilities; on PUT the code comes from the path and may be left out. */
public record FacilityRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1-32 upper-case letters, digits, '-' or '_'") String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL) String name,
        @Valid Address address,
        @NotEmpty(message = "must list at least one billing contact: invoices go to the first")
        @Size(max = 20) List<@Valid @NotNull BillingContact> billingContacts,
        Boolean sendPoReminders,
        @Min(0) @Max(365) Integer paymentTermsDays) {
}
