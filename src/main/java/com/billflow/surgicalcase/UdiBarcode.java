package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GS1 UDI barcode's data as a scanner or a person gives it: the element string of GS1
 * DataMatrix / GS1-128, with the human-readable parentheses {@code (01)09504000059101(17)141120(10)L1}
 * or without them, variable-length fields ended by FNC1 (ASCII 29 "GS", or typed as {@code <GS>},
 * {@code {GS}}, {@code [GS]}, {@code ␝}), with or without a symbology identifier ({@code ]d2},
 * {@code ]C1}, {@code ]Q3}). Follows the GS1 General Specifications: the AI table (§3.2) for the
 * AIs a medical device label carries, the predefined-length rule of Figure 7.8.5-2 (an AI of fixed
 * length needs no FNC1 after it), the GTIN check digit (§7.9) and dates YYMMDD with day 00 meaning
 * the month's last day and the century of §7.12.
 *
 * <p>A small parser rather than a library: the GS1 parsers published to Maven Central are either
 * unmaintained (one 2018 release) or native code behind JNI; this needs only the element string.
 */
public final class UdiBarcode {

    /**
     * The parsed barcode.
     *
     * @param gtin     the device identifier (AI 01), 14 digits with a valid check digit
     * @param expiry   AI 17, or null
     * @param lot      AI 10, or null
     * @param serial   AI 21, or null
     * @param elements every AI in the order read, AI to value
     */
    public record Udi(String gtin, LocalDate expiry, String lot, String serial, Map<String, String> elements) {
    }

    static final int MAX_LENGTH = 200;
    private static final char GS = '\u001D';
    private static final Pattern SYMBOLOGY_ID = Pattern.compile("^\\][A-Za-z][0-9A-Za-z]");
    private static final Pattern TYPED_GS = Pattern.compile("<GS>|\\{GS}|\\[GS]|\u241D", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED = Pattern.compile("\\((\\d{2,4})\\)([^()]*)");

    private UdiBarcode() {
    }

    /** Reads {@code text}; throws {@link InvalidInputException} saying what is wrong and where. */
    public static Udi parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("The UDI barcode is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("A UDI barcode has at most " + MAX_LENGTH + " characters, this one " + text.length());
        }
        String data = TYPED_GS.matcher(text.strip()).replaceAll(String.valueOf(GS));
        data = SYMBOLOGY_ID.matcher(data).replaceFirst("");
        while (!data.isEmpty() && data.charAt(0) == GS) {
            data = data.substring(1); // FNC1 in first position marks GS1 data
        }
        Map<String, String> elements = data.startsWith("(") ? bracketed(data) : elementString(data);
        for (Map.Entry<String, String> element : elements.entrySet()) {
            check(element.getKey(), element.getValue());
        }
        if (!elements.containsKey("01")) {
            throw new InvalidInputException("The UDI barcode has no GTIN (01): " + describe(elements));
        }
        return new Udi(elements.get("01"), elements.containsKey("17") ? date("17", elements.get("17")) : null,
                elements.get("10"), elements.get("21"), Map.copyOf(elements));
    }

    private static Map<String, String> bracketed(String data) {
        Map<String, String> elements = new LinkedHashMap<>();
        Matcher m = BRACKETED.matcher(data.replace(String.valueOf(GS), ""));
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new InvalidInputException("Cannot read the UDI barcode at '" + data.substring(end, Math.min(data.length(), end + 10)) + "'");
            }
            String ai = m.group(1);
            if (Ai.of(ai, ai).aiLength() != ai.length()) {
                throw new InvalidInputException("The UDI barcode has an application identifier this app does not read: (" + ai + ")");
            }
            put(elements, ai, m.group(2).strip());
            end = m.end();
        }
        if (end != data.replace(String.valueOf(GS), "").length()) {
            throw new InvalidInputException("Cannot read the UDI barcode after position " + end);
        }
        return elements;
    }

    private static Map<String, String> elementString(String data) {
        Map<String, String> elements = new LinkedHashMap<>();
        int i = 0;
        while (i < data.length()) {
            if (data.charAt(i) == GS) {
                i++;
                continue;
            }
            Ai ai = Ai.of(data.substring(i, Math.min(data.length(), i + 4)), data.substring(i));
            String code = data.substring(i, i + ai.aiLength());
            i += ai.aiLength();
            int end;
            if (ai.fixed()) {
                end = i + ai.maxLength();
                if (end > data.length()) {
                    throw new InvalidInputException("AI (" + code + ") needs " + ai.maxLength() + " characters, only " + (data.length() - i) + " follow");
                }
            } else {
                int gs = data.indexOf(GS, i);
                end = gs < 0 ? data.length() : gs;
            }
            put(elements, code, data.substring(i, end));
            i = end;
        }
        return elements;
    }

    private static void put(Map<String, String> elements, String ai, String value) {
        if (elements.putIfAbsent(ai, value) != null && !elements.get(ai).equals(value)) {
            throw new InvalidInputException("The UDI barcode has AI (" + ai + ") twice with different values");
        }
    }

    private static void check(String code, String value) {
        Ai ai = Ai.of(code, code);
        if (value.isEmpty() || (ai.fixed() ? value.length() != ai.maxLength() : value.length() > ai.maxLength())) {
            throw new InvalidInputException("AI (" + code + ") takes " + (ai.fixed() ? "exactly " : "1 to ") + ai.maxLength()
                    + " characters, '" + value + "' has " + value.length()
                    + (ai.fixed() ? "" : " (end a variable-length field with FNC1/GS before the next AI)"));
        }
        if (ai.numeric() && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("AI (" + code + ") takes digits only, not '" + value + "'");
        }
        if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new InvalidInputException("AI (" + code + ") '" + value + "' has a character GS1 does not allow");
        }
        if (code.equals("01") && !checkDigitValid(value)) {
            throw new InvalidInputException("GTIN " + value + " has a wrong check digit");
        }
        if (code.matches("1[1-7]")) {
            date(code, value);
        }
    }

    /** GS1 mod-10 check digit (General Specifications §7.9.1): weights 3,1,3,… from the right, check digit excluded. */
    static boolean checkDigitValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }

    /** YYMMDD; DD 00 is the last day of the month; the year is within 49 years ahead and 50 back (§7.12). */
    static LocalDate date(String ai, String yymmdd) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int currentYear = LocalDate.now().getYear();
        int year = currentYear / 100 * 100 + yy;
        if (year - currentYear >= 51) {
            year -= 100;
        } else if (year - currentYear <= -50) {
            year += 100;
        }
        try {
            YearMonth ym = YearMonth.of(year, month);
            return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
        } catch (DateTimeException e) {
            throw new InvalidInputException("AI (" + ai + ") '" + yymmdd + "' is not a date YYMMDD");
        }
    }

    private static String describe(Map<String, String> elements) {
        StringBuilder text = new StringBuilder();
        elements.forEach((ai, value) -> text.append('(').append(ai).append(')').append(value));
        return text.isEmpty() ? "no data" : text.toString();
    }

    /** The AIs a device label carries (GS1 General Specifications §3.2), with their length and whether it is fixed. */
    private record Ai(int aiLength, int maxLength, boolean fixed, boolean numeric) {

        static Ai of(String prefix, String context) {
            String two = prefix.length() >= 2 ? prefix.substring(0, 2) : prefix;
            switch (two) {
                case "00": return new Ai(2, 18, true, true);
                case "01", "02", "03": return new Ai(2, 14, true, true);
                case "10", "21", "22": return new Ai(2, 20, false, false);
                case "11", "12", "13", "15", "16", "17": return new Ai(2, 6, true, true);
                case "20": return new Ai(2, 2, true, true);
                case "30", "37": return new Ai(2, 8, false, true);
                case "90": return new Ai(2, 30, false, false);
                default: break;
            }
            if (prefix.length() >= 3) {
                switch (prefix.substring(0, 3)) {
                    case "240", "241", "250", "251": return new Ai(3, 30, false, false);
                    case "243", "254": return new Ai(3, 20, false, false);
                    case "422", "424", "426": return new Ai(3, 3, true, true);
                    default: break;
                }
            }
            if (prefix.length() == 4 && prefix.matches("3[1-6]\\d\\d")) {
                return new Ai(4, 6, true, true);
            }
            if (prefix.length() == 4 && prefix.equals("7003")) {
                return new Ai(4, 10, true, true);
            }
            if (prefix.length() == 4 && prefix.equals("8020")) {
                return new Ai(4, 25, false, false);
            }
            throw new InvalidInputException("The UDI barcode has an application identifier this app does not read at '"
                    + (context.length() > 12 ? context.substring(0, 12) + "..." : context) + "' (it reads (01) GTIN, (17) expiry, (10) lot, (21) serial and the usual label AIs)");
        }
    }
}
