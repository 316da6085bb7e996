package com.billflow.apidocs;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The Bean Validation constraints of request records that swagger-core leaves out of the schema:
 * {@code @Positive} and {@code @DecimalMin(inclusive = false)} as an exclusive minimum,
 * {@code @PositiveOrZero} as minimum 0, {@code @Size} on a map as min/max properties, and
 * {@code @Digits} in the description (JSON Schema has no digit count).
 */
@Component
class BeanValidationSchemas implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (property == null || annotations == null) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Positive) {
                exclusiveMinimum(property, BigDecimal.ZERO);
            } else if (annotation instanceof PositiveOrZero && property.getMinimum() == null) {
                property.setMinimum(BigDecimal.ZERO);
            } else if (annotation instanceof DecimalMin min && !min.inclusive()) {
                exclusiveMinimum(property, new BigDecimal(min.value()));
            } else if (annotation instanceof Size size && isMap(property)) {
                property.setMinProperties(size.min() > 0 ? size.min() : null);
                property.setMaxProperties(size.max() < Integer.MAX_VALUE ? size.max() : null);
            } else if (annotation instanceof Digits digits) {
                describe(property, "At most " + digits.integer() + " digits before the decimal point and " + digits.fraction() + " after.");
            }
        }
        return property;
    }

    private static void exclusiveMinimum(Schema<?> property, BigDecimal minimum) {
        property.setMinimum(null);
        // OpenAPI 3.1 (JSON Schema) writes it as a number, 3.0 as a flag next to minimum.
        property.setExclusiveMinimumValue(minimum);
    }

    private static boolean isMap(Schema<?> property) {
        return property.getAdditionalProperties() != null
                || (property.getTypes() != null && property.getTypes().contains("object") && property.get$ref() == null);
    }

    private static void describe(Schema<?> property, String text) {
        String existing = property.getDescription();
        if (existing == null || Arrays.stream(existing.split("\n")).noneMatch(text::equals)) {
            property.setDescription(existing == null ? text : existing + "\n" + text);
        }
    }
}
