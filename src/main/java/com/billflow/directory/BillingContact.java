package com.billflow.directory;

import com.billflow.common.Text;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Embeddable
public record BillingContact(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL) String name,
        @NotBlank @Email @Size(max = 254) String email) {
}
