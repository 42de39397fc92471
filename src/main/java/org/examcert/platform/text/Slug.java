package org.examcert.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/** Codes and ids derived from Vietnamese names (question ids from GIFT names, unit codes from unit names). */
public final class Slug {

    private Slug() {
    }

    /**
     * Lower-case ASCII letters, digits and single {@code -}, at most {@code maxLength} long:
     * Vietnamese diacritics are dropped and đ becomes d. Empty when nothing is left.
     */
    public static String of(String s, int maxLength) {
        // đ/Đ are letters of their own, not d with a combining mark, so NFD leaves them alone.
        String plain = Normalizer.normalize((s == null ? "" : s.strip()).replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > maxLength) {
            plain = plain.substring(0, maxLength).replaceAll("-+$", "");
        }
        return plain;
    }
}
