package org.examcert.platform.text;

import org.examcert.platform.problem.Problem;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Whether a text can be printed on a certificate: no control characters (CR, LF, TAB, other C0/C1,
 * bidirectional overrides and isolates, which would reorder or break a printed line), and every
 * other character present in the fonts ({@code covered}). Refuses with a field error naming the
 * character; and, for text stored before this rule, gives a printable copy instead of failing.
 */
public record DrawableText(IntPredicate covered) {

    /** What stands in for a character the fonts cannot draw (in every font that ships). */
    public static final int REPLACEMENT = '?';

    public DrawableText {
        java.util.Objects.requireNonNull(covered, "covered");
    }

    /** A control or bidirectional formatting character: never printed, never accepted in a form. */
    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** The refusal for a field whose text cannot be printed, naming the first such character. */
    public Optional<Problem.FieldError> check(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isControl(c)) {
                return Optional.of(Problem.FieldError.of(field, "text.control-character", codePoint(c)));
            }
            if (!covered.test(c)) {
                return Optional.of(Problem.FieldError.of(field, "text.not-printable", new String(Character.toChars(c)), codePoint(c)));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * A printable copy: control characters become a space (a line break in a title reads as one),
     * bidirectional controls are dropped, characters the fonts lack become {@link #REPLACEMENT}. Text that was printable comes back as it was.
     */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            boolean control = isControl(c);
            if ((control || !covered.test(c)) && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    if (Character.getType(c) == Character.CONTROL) {
                        out.append(' ');
                    }
                } else {
                    out.appendCodePoint(covered.test(c) ? c : REPLACEMENT);
                }
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** U+XXXX, as a person would look the character up. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
