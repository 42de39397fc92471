package org.examcert.platform.database;

import java.text.Normalizer;

/** LIKE patterns from what a person typed: their %, _ and \ are matched literally (MariaDB escapes with \). */
public final class Like {

    private Like() {
    }

    /** A pattern matching any text that contains {@code typed} (normalized to NFC). */
    public static String containing(String typed) {
        String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
