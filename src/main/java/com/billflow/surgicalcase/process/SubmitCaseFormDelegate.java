package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.billflow.process.FormVariables;
import com.billflow.security.Caller;
import com.billflow.surgicalcase.SubmitCaseRequest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.*;

/**
 * "Submit case for billing" of Tasklist's start form: turns the form's fields into the same
 * {@link SubmitCaseRequest} that {@code POST /api/surgical-cases} takes, checks it with the same
 * constraints and hands it to {@link SurgicalCaseService#submit}, which saves the case and starts its
 * billing process. It runs in the start's own transaction, so a refusal ({@link InvalidInputException},
 * which the engine API answers as 400 and Tasklist shows next to the form) leaves neither a case nor an
 * instance. The form's values are removed from the submission instance afterwards: it keeps the case's
 * id and number only.
 */
@Component("submitCaseFormDelegate")
class SubmitCaseFormDelegate implements JavaDelegate {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("facilityCode", "Facility"), Map.entry("surgeon", "Surgeon"), Map.entry("procedure", "Procedure"),
            Map.entry("procedureDate", "Date of surgery"), Map.entry("patientRef", "Patient reference"),
            Map.entry("currency", "Currency"), Map.entry("rep", "Rep"), Map.entry("lines", "Devices"),
            Map.entry("manufacturer", "manufacturer"), Map.entry("partNumber", "part number"), Map.entry("lotNumber", "lot"),
            Map.entry("serialNumber", "serial"), Map.entry("description", "description"), Map.entry("quantity", "quantity"),
            Map.entry("unitPrice", "unit price"));

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final SurgicalCaseService cases;
    private final Validator validator;
    private final IdentityService identity;

    SubmitCaseFormDelegate(SurgicalCaseService cases, Validator validator, IdentityService identity) {
        this.cases = cases;
        this.validator = validator;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refuseWhatTheEngineCannotStore(execution);
        var user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new InvalidInputException("Submit surgical case needs a signed-in user: the rep, or billing for a rep");
        }
        List<Integer> rows = new ArrayList<>();
        SubmitCaseRequest request = requestOf(execution, rows);
        List<String> problems = validator.validate(request).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> labelOf(v, rows) + ": " + v.getMessage()).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("; ", problems));
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        SurgicalCase submitted;
        // The service starts the billing process and grants the rep its instance: engine work done as the
        // application, as for POST /api/surgical-cases; who submitted is the service's caller.
        identity.clearAuthentication();
        try {
            submitted = cases.submit(request, new Caller(user.getUserId(), groups));
        } catch (AccessDeniedException refused) {
            throw new InvalidInputException(refused.getMessage());
        } finally {
            identity.setAuthentication(user.getUserId(), groups, user.getTenantIds());
        }
        execution.removeVariables();
        execution.setVariable(VAR_CASE_ID, submitted.getId());
        execution.setVariable(VAR_CASE_NUMBER, submitted.getCaseNumber());
        execution.setProcessBusinessKey(submitted.getCaseNumber());
    }

    private SubmitCaseRequest requestOf(DelegateExecution execution, List<Integer> rows) {
        List<SubmitCaseRequest.Line> lines = new ArrayList<>();
        for (int row = 1; row <= LINE_ROWS; row++) {
            String[] values = {text(execution, line(row, LINE_MANUFACTURER)), text(execution, line(row, LINE_PART_NUMBER)),
                    text(execution, line(row, LINE_LOT)), text(execution, line(row, LINE_SERIAL)),
                    text(execution, line(row, LINE_DESCRIPTION)), text(execution, line(row, LINE_QUANTITY)),
                    text(execution, line(row, LINE_UNIT_PRICE))};
            if (Arrays.stream(values).allMatch(v -> v == null)) {
                continue;
            }
            rows.add(row);
            lines.add(new SubmitCaseRequest.Line(values[0], values[1], values[2], values[3], values[4],
                    number(values[5], "Line " + row + " quantity"), number(values[6], "Line " + row + " unit price")));
        }
        return new SubmitCaseRequest(cases.facilityCodeOf(text(execution, FIELD_FACILITY)), text(execution, FIELD_SURGEON), text(execution, FIELD_PROCEDURE),
                date(text(execution, FIELD_PROCEDURE_DATE)), text(execution, FIELD_REP), text(execution, FIELD_PATIENT_REF),
                text(execution, FIELD_CURRENCY), lines);
    }

    /** Tasklist submits every text as a String variable; one longer than the engine keeps is refused here, not by the database. */
    private static void refuseWhatTheEngineCannotStore(DelegateExecution execution) {
        execution.getVariables().forEach((name, value) -> FormVariables.formInput(name, value, "the Console's New case"));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static BigDecimal number(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + ": '" + text + "' is not a number (write it like 1 or 3450.00)");
        }
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Date of surgery: '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** "lines[1].partNumber" becomes "Line 2 part number" (the form's row), "surgeon" "Surgeon". */
    private static String labelOf(ConstraintViolation<SubmitCaseRequest> violation, List<Integer> rows) {
        String path = violation.getPropertyPath().toString();
        Matcher line = LINE_FIELD.matcher(path);
        if (line.matches()) {
            int index = Integer.parseInt(line.group(1));
            return "Line " + rows.get(index) + " " + LABELS.getOrDefault(line.group(2), line.group(2));
        }
        return LABELS.getOrDefault(path, path);
    }
}
