package com.billflow.apidocs;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes into each operation's description which Camunda groups may call it, read from the
 * {@code @PreAuthorize} that guards it (the method's, else its controller's), so the document
 * cannot disagree with the check. Also names each operation {@code <controller><Method>}
 * (e.g. {@code surgicalCaseSubmit}), stable for generated clients.
 */
@Component
class GroupAccess implements GlobalOperationCustomizer {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize guard = preAuthorize(handler);
        String groups = guard == null ? "any signed-in user" : String.join(", ", groups(guard.value()).stream().map(g -> "`" + g + "`").toList());
        String access = "**Groups:** " + groups + ".";
        operation.setDescription(StringUtils.hasText(operation.getDescription()) ? operation.getDescription() + "\n\n" + access : access);
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        operation.setOperationId(StringUtils.uncapitalize(controller) + StringUtils.capitalize(handler.getMethod().getName()));
        return operation;
    }

    /** The {@code @PreAuthorize} in force for {@code handler}: the method's, else its class's; null when any signed-in user may call it. */
    static PreAuthorize preAuthorize(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    /** The group names quoted in an expression such as {@code hasAnyAuthority('billing', 'camunda-admin')}. */
    static List<String> groups(String expression) {
        List<String> groups = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(expression);
        while (quoted.find()) {
            groups.add(quoted.group(1));
        }
        return groups;
    }
}
