package com.billflow.document.email;

import com.billflow.common.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subject and body of a laboratory's invoice mail, with placeholders such as
 * {@code {invoiceNumber}}. Templates are checked when they are saved, so a typo is the
 * administrator's 400 and never a mail that says "{invocieNumber}".
 */
public final class MessageTemplate {

    public static final Set<String> PLACEHOLDERS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "invoiceNumber", "documentType", "laboratoryName", "clientName", "jobNumber", "total", "dueDate")));

    /** Anything in braces counts, so "{invoice Number}" is refused rather than sent as typed. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private MessageTemplate() {
    }

    /** Refuses a template that uses a placeholder not in {@link #PLACEHOLDERS}, naming the field and the placeholder. */
    public static void check(String field, String template) {
        if (template == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new InvalidInputException(field + ": unknown placeholder " + matcher.group()
                        + "; use " + PLACEHOLDERS.stream().map(name -> "{" + name + "}").collect(Collectors.joining(", ")));
            }
        }
    }

    /** Fills every {name} from {@code values}; a name without a value renders empty. */
    public static String render(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(match ->
                Matcher.quoteReplacement(Objects.requireNonNullElse(values.get(match.group(1)), "")));
    }
}
