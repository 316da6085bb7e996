package com.billflow.surgicalcase;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import static com.billflow.common.Text.NO_CONTROL;
import com.billflow.money.CurrencyCode;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/surgical-cases: a case as the rep's app submits it for billing. */
public record SubmitCaseRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = NO_CONTROL) String facilityCode,
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL) String surgeon,
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL) String procedure,
        @NotNull LocalDate procedureDate,
        @Size(max = 64) @Pattern(regexp = NO_CONTROL) String rep,
        @NotBlank @Pattern(regexp = "(?=.*[0-9])[A-Za-z0-9._-]{1,64}",
                message = "must be the anonymous patient reference (1-64 letters, digits, '-', '.', '_', with at least one digit), never a patient's name")
        String patientRef,
        @CurrencyCode String currency,
        @NotEmpty @Size(max = SubmitCaseRequest.MAX_LINES) List<@Valid @NotNull Line> lines) {

    /** At most this many device lines on one case. */
    public static final int MAX_LINES = 200;

    @Schema(name = "CaseLineRequest")
    public record Line(
            @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String manufacturer,
            @NotBlank @Size(max = 64) @Pattern(regexp = NO_CONTROL) String partNumber,
            @Size(max = 64) @Pattern(regexp = NO_CONTROL) String lotNumber,
            @Size(max = 64) @Pattern(regexp = NO_CONTROL) String serialNumber,
            @NotBlank @Size(max = 500) @Pattern(regexp = NO_CONTROL) String description,
            @NotNull @Positive @Digits(integer = 9, fraction = 4) BigDecimal quantity,
            @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal unitPrice) {
    }
}
