package com.billflow.numbering;

import com.billflow.common.InvalidInputException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbering pattern such as {@code INV-{YYYY}-{SEQ:6}}: {@code {YYYY}}, {@code {YY}} and
 * {@code {MM}} are the document date's year and month; {@code {SEQ:n}} is the sequence number
 * padded to n digits. The sequence restarts for every distinct rendered prefix (a new year with
 * {@code {YYYY}}), which is why the series scope is the pattern with its dates filled in.
 */
public record NumberPattern(String pattern) {

    private static final Pattern SEQ = Pattern.compile("\\{SEQ(?::(\\d{1,2}))?}");

    public NumberPattern {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("A numbering pattern is required, e.g. INV-{YYYY}-{SEQ:6}");
        }
        Matcher matcher = SEQ.matcher(pattern);
        if (!matcher.find() || matcher.find()) {
            throw new InvalidInputException(
                    "Numbering pattern '" + pattern + "' must contain {SEQ} or {SEQ:n} exactly once, e.g. INV-{YYYY}-{SEQ:6}");
        }
        if (pattern.length() > 40) {
            throw new InvalidInputException("Numbering pattern '" + pattern + "' is longer than 40 characters");
        }
    }

    /** The key under which numbers of this pattern on {@code date} are counted. */
    public String scope(String series, LocalDate date) {
        return series + ":" + withDates(pattern, date);
    }

    public String format(LocalDate date, long sequence) {
        Matcher matcher = SEQ.matcher(withDates(pattern, date));
        matcher.find();
        int width = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        String digits = String.format("%0" + width + "d", sequence);
        return matcher.replaceFirst(Matcher.quoteReplacement(digits));
    }

    private static String withDates(String text, LocalDate date) {
        return text.replace("{YYYY}", String.format("%04d", date.getYear()))
                .replace("{YY}", String.format("%02d", date.getYear() % 100))
                .replace("{MM}", String.format("%02d", date.getMonthValue()));
    }
}
