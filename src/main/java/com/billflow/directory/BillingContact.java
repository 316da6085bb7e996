package com.billflow.directory;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Embeddable
public record BillingContact(
        @NotBlank @Size(max = 200) @Pattern(regexp = Address.NO_CONTROL) String name,
        @NotBlank @Email @Size(max = 254) String email) {
}
