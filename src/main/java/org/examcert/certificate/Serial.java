package org.examcert.certificate;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A certificate's serial: GCN- and 16 characters of Crockford base32 (80 random bits), grouped by
 * four, e.g. GCN-7K2M-QX9D-3HTV-0RWA. Not guessable, and easy to read aloud or type.
 */
public record Serial(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("^GCN(-[0-9A-HJKMNP-TV-Z]{4}){4}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Serial {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a certificate serial: " + value);
        }
    }

    public static Serial random() {
        return random(RANDOM);
    }

    static Serial random(Random random) {
        StringBuilder serial = new StringBuilder("GCN");
        for (int group = 0; group < 4; group++) {
            serial.append('-');
            for (int i = 0; i < 4; i++) {
                serial.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return new Serial(serial.toString());
    }

    /** Reads what a person typed: case and the letters I, L, O (read as 1, 1, 0) forgiven. */
    public static java.util.Optional<Serial> parse(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String normalized = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (normalized.startsWith("GCN-")) {
            normalized = "GCN-" + normalized.substring(4).replace('I', '1').replace('L', '1').replace('O', '0');
        }
        return FORMAT.matcher(normalized).matches() ? java.util.Optional.of(new Serial(normalized)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
