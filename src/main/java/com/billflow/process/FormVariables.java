package com.billflow.process;

import com.billflow.common.InvalidInputException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * How Billflow hands text to Camunda Forms and takes it back without hitting the engine's
 * 4,000-character String variables ({@code ACT_RU_VARIABLE.TEXT_}, {@code ACT_HI_DETAIL.TEXT_}).
 *
 * <p>Display text (a case or invoice as Markdown, an address list) grows with the user's input, so
 * beyond the limit it is written as a JSON-serialized object value: the engine keeps it in its
 * byte-array table, which has no such limit, and Tasklist parses JSON values before it gives them to
 * the form, so a form's {@code =caseSummary} shows the same text as from a String variable. Text that a form <em>sends back</em> arrives as
 * a String variable whatever we do (Tasklist submits plain strings untyped); {@link #formInput}
 * refuses one the engine could not store while the task is still open, with a message instead of a
 * database error.
 */
public final class FormVariables {

    /** What {@code ACT_RU_VARIABLE.TEXT_} and {@code ACT_HI_DETAIL.TEXT_} hold, in characters. */
    public static final int ENGINE_STRING_LIMIT = 4000;

    private FormVariables() {
    }

    /**
     * A display text of any length as a variable value: a String variable up to
     * {@value #ENGINE_STRING_LIMIT} characters, else JSON-serialized {@code java.lang.String}, stored as
     * bytes. Java code and forms read both back as the same {@code String}. The String is the usual
     * case and costs the engine one row per write (runtime, history instance, history detail); the JSON
     * value costs a byte-array row beside each of them too (the lifecycle benchmark, issue 11).
     */
    public static TypedValue text(String text) {
        String value = text == null ? "" : text;
        if (value.length() <= ENGINE_STRING_LIMIT) {
            return Variables.stringValue(value);
        }
        return Variables.objectValue(value)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }

    /** A list of strings (e.g. addresses) as a JSON array value, for FEEL such as {@code string join(list, ", ")}. */
    public static SpinJsonNode list(List<String> values) {
        return Spin.JSON(new ArrayList<>(values));
    }

    /**
     * A text field as a form submitted it: refuses a value longer than the engine can store
     * ({@link InvalidInputException}, 400), naming the field and where a longer text can be given.
     *
     * @param field     the label the user saw
     * @param value     the submitted value, or null
     * @param elsewhere where longer text is accepted, e.g. "the Console or POST /api/..."
     */
    public static String formInput(String field, Object value, String elsewhere) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.length() > ENGINE_STRING_LIMIT) {
            throw new InvalidInputException(field + " is " + text.length() + " characters long; a Tasklist field holds at most "
                    + ENGINE_STRING_LIMIT + ": give a longer text through " + elsewhere);
        }
        return text;
    }
}
