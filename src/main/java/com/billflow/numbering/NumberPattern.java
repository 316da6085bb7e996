package com.billflow.numbering;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbering pattern such as {@code INV-{YYYY}-{SEQ:6}}: {@code {YYYY}}, {@code {YY}} and
 * {@code {MM}} are the document date's year and month; {@code {SEQ:n}} is the sequence number
 * padded to n digits (1-18). The sequence restarts for every distinct rendered prefix (a new year
 * with {@code {YYYY}}), which is why the series scope is the pattern with its dates filled in.
 *
 * <p>A sequence never outgrows its width: {@code {SEQ:n}} gives at most 10^n − 1 numbers per
 * scope, {@code {SEQ}} (unpadded) at most 999,999; past that the series is full (409). So every
 * number of a pattern is at most {@link #maxLength()} characters, which is what is checked
 * against the accounting targets' field limits when the pattern is saved.
 *
 * <p><b>When two patterns collide</b> ({@link #overlap}): when some number could come out of
 * both, whatever the dates and sequences. Each pattern is read as a sequence of characters:
 * its literal text matches itself (case-sensitive), {@code {YYYY}} four digits, {@code {YY}} and
 * {@code {MM}} two digits, {@code {SEQ:n}} exactly n digits, {@code {SEQ}} one to six digits.
 * Dates count as any digits (so {@code A{MM}} and {@code A{SEQ:2}} collide, through "A12").
 * The check is exact for that reading: it walks both patterns side by side and answers a number
 * both could give, e.g. {@code INV-{YYYY}-{SEQ:6}} twice gives {@code INV-0000-000000}, while
 * {@code INV-{YYYY}-{SEQ:5}} and {@code INV-{YYYY}-{SEQ:6}} never meet (their lengths differ),
 * nor do {@code ALPHA-INV-…} and {@code ALPHA-CN-…}.
 */
public record NumberPattern(String pattern) {

    /** Patterns are stored in 40-character columns. */
    public static final int MAX_PATTERN_LENGTH = 40;
    /** Numbers are stored in 40-character columns (invoice, case and registry). */
    public static final int MAX_NUMBER_LENGTH = 40;
    private static final int UNPADDED_DIGITS = 6;
    private static final int MAX_WIDTH = 18;
    private static final Pattern SEQ = Pattern.compile("\\{SEQ(?::(\\d{1,2}))?}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(YYYY|YY|MM|SEQ(?::\\d{1,2})?)}");

    public NumberPattern {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("A numbering pattern is required, e.g. INV-{YYYY}-{SEQ:6}");
        }
        Matcher matcher = SEQ.matcher(pattern);
        if (!matcher.find() || matcher.find()) {
            throw new InvalidInputException(
                    "Numbering pattern '" + pattern + "' must contain {SEQ} or {SEQ:n} exactly once, e.g. INV-{YYYY}-{SEQ:6}");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidInputException("Numbering pattern '" + pattern + "' is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        Integer width = width(pattern);
        if (width != null && (width < 1 || width > MAX_WIDTH)) {
            throw new InvalidInputException("Numbering pattern '" + pattern + "': {SEQ:n} takes a width n from 1 to " + MAX_WIDTH);
        }
    }

    /** The key under which numbers of this pattern on {@code date} are counted. */
    public String scope(String series, LocalDate date) {
        return series + ":" + withDates(pattern, date);
    }

    /** The number for {@code sequence} on {@code date}; refused (409) once the sequence no longer fits its width. */
    public String format(LocalDate date, long sequence) {
        if (sequence > maxSequence()) {
            throw new IllegalStatusException("Numbering pattern '" + pattern + "' has given all " + maxSequence()
                    + " numbers it can for " + withDates(pattern, date) + ": give it a wider {SEQ:n}");
        }
        Matcher matcher = SEQ.matcher(withDates(pattern, date));
        matcher.find();
        int width = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        String digits = String.format("%0" + width + "d", sequence);
        return matcher.replaceFirst(Matcher.quoteReplacement(digits));
    }

    /** The most numbers one scope (say, one year) can give. */
    public long maxSequence() {
        Integer width = width(pattern);
        return width == null ? 999_999L : (long) Math.pow(10, width) - 1;
    }

    /** The length of the longest number this pattern gives. */
    public int maxLength() {
        return atoms().size();
    }

    /** A number that both patterns could give (see the class comment), or empty when they never meet. */
    public Optional<String> overlap(NumberPattern other) {
        List<Atom> a = atoms();
        List<Atom> b = other.atoms();
        int columns = b.size() + 1;
        int[] previous = new int[(a.size() + 1) * columns];
        char[] via = new char[previous.length];
        boolean[] seen = new boolean[previous.length];
        Deque<Integer> todo = new ArrayDeque<>();
        seen[0] = true;
        previous[0] = -1;
        todo.add(0);
        while (!todo.isEmpty()) {
            int state = todo.poll();
            int i = state / columns;
            int j = state % columns;
            if (i == a.size() && j == b.size()) {
                StringBuilder number = new StringBuilder();
                for (int s = state; previous[s] >= 0; s = previous[s]) {
                    if (via[s] != 0) {
                        number.append(via[s]);
                    }
                }
                return Optional.of(number.reverse().toString());
            }
            if (i < a.size() && a.get(i).optional()) {
                visit(todo, seen, previous, via, state, (i + 1) * columns + j, (char) 0);
            }
            if (j < b.size() && b.get(j).optional()) {
                visit(todo, seen, previous, via, state, i * columns + j + 1, (char) 0);
            }
            if (i < a.size() && j < b.size()) {
                Optional<Character> both = a.get(i).common(b.get(j));
                if (both.isPresent()) {
                    visit(todo, seen, previous, via, state, (i + 1) * columns + j + 1, both.get());
                }
            }
        }
        return Optional.empty();
    }

    private static void visit(Deque<Integer> todo, boolean[] seen, int[] previous, char[] via, int from, int to, char character) {
        if (!seen[to]) {
            seen[to] = true;
            previous[to] = from;
            via[to] = character;
            todo.add(to);
        }
    }

    /** One character position of a number: a literal character or a digit, possibly left out ({SEQ}'s extra digits). */
    private record Atom(char literal, boolean digit, boolean optional) {

        Optional<Character> common(Atom other) {
            if (digit && other.digit) {
                return Optional.of('0');
            }
            if (digit || other.digit) {
                char c = digit ? other.literal : literal;
                return c >= '0' && c <= '9' ? Optional.of(c) : Optional.empty();
            }
            return literal == other.literal ? Optional.of(literal) : Optional.empty();
        }
    }

    private List<Atom> atoms() {
        List<Atom> atoms = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        int at = 0;
        while (placeholder.find()) {
            pattern.substring(at, placeholder.start()).chars().forEach(c -> atoms.add(new Atom((char) c, false, false)));
            String name = placeholder.group(1);
            int digits = switch (name) {
                case "YYYY" -> 4;
                case "YY", "MM" -> 2;
                default -> name.equals("SEQ") ? UNPADDED_DIGITS : Integer.parseInt(name.substring(4));
            };
            for (int d = 0; d < digits; d++) {
                atoms.add(new Atom((char) 0, true, name.equals("SEQ") && d > 0));
            }
            at = placeholder.end();
        }
        pattern.substring(at).chars().forEach(c -> atoms.add(new Atom((char) c, false, false)));
        return atoms;
    }

    private static Integer width(String pattern) {
        Matcher matcher = SEQ.matcher(pattern);
        return matcher.find() && matcher.group(1) != null ? Integer.parseInt(matcher.group(1)) : null;
    }

    private static String withDates(String text, LocalDate date) {
        return text.replace("{YYYY}", String.format("%04d", date.getYear()))
                .replace("{YY}", String.format("%02d", date.getYear() % 100))
                .replace("{MM}", String.format("%02d", date.getMonthValue()));
    }
}
