package org.examcert.platform.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deliverable e-mail address, by a practical reading of RFC 5321: a dot-atom local part of ASCII
 * letters, digits and {@code .!#$%&'*+/=?^_`{|}~-} (no leading, trailing or doubled dot, at most
 * 64 characters), an {@code @}, and a domain of at least two LDH labels (letters, digits, inner
 * hyphens, 1–63 each; at most 255 characters, TLD not all digits). Quoted local parts, IP
 * literals and comments are refused: no person registering for a contest needs them, and each is a
 * way to smuggle markup or header syntax into a mail. Lower-cased, as the address is a login.
 */
public final class EmailAddress {

    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddress() {
    }

    /** The address, trimmed and lower-cased, if it is one; empty otherwise. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@') || address.length() > 254) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !dotted(local, ATOM)) {
            return Optional.empty();
        }
        if (domain.length() > 255 || !dotted(domain, LABEL) || !domain.contains(".")
                || domain.substring(domain.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    public static boolean isValid(String typed) {
        return parse(typed).isPresent();
    }

    private static boolean dotted(String text, Pattern part) {
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        for (String piece : text.split("\\.", -1)) {
            if (!part.matcher(piece).matches()) {
                return false;
            }
        }
        return true;
    }
}
