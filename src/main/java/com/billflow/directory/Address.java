package com.billflow.directory;

import jakarta.persistence.Embeddable;
import static com.billflow.common.Text.NO_CONTROL;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A postal address; every part optional. */
@Embeddable
public record Address(
        @Size(max = 200) @Pattern(regexp = NO_CONTROL) String line1,
        @Size(max = 200) @Pattern(regexp = NO_CONTROL) String line2,
        @Size(max = 100) @Pattern(regexp = NO_CONTROL) String city,
        @Size(max = 100) @Pattern(regexp = NO_CONTROL) String region,
        @Size(max = 20) @Pattern(regexp = NO_CONTROL) String postalCode,
        @Size(max = 100) @Pattern(regexp = NO_CONTROL) String country) {

    public static Address empty() {
        return new Address(null, null, null, null, null, null);
    }

    /** The one or two street lines that are filled in. */
    public List<String> streetLines() {
        return Stream.of(line1, line2).filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Street lines, then "City, Region PostalCode", then country: as printed on an invoice. */
    public List<String> printedLines() {
        String cityLine = Stream.of(city, Stream.of(region, postalCode).filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse(null))
                .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + ", " + b).orElse(null);
        return Stream.of(line1, line2, cityLine, country).filter(s -> s != null && !s.isBlank()).toList();
    }
}
