package org.examcert.candidate;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a unit's name is compared with the unit a candidate typed when registering: Unicode NFC, case
 * and runs of spaces ignored, diacritics kept ("Đoàn" is not "Doan": they can be different units).
 */
public final class UnitKey {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private UnitKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(VIETNAMESE);
    }
}
