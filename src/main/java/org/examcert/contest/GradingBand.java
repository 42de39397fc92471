package org.examcert.contest;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One grading band (e.g. "Khá"/"Good"): a stable key, its Vietnamese and English labels, and the
 * lowest score that reaches it, expressed against the owning table's reference maximum.
 */
public record GradingBand(String key, String labelVi, String labelEn, BigDecimal minScore) {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z_]*");

    public GradingBand {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "band key must be upper-case letters and '_' starting with a letter, got: " + key);
        }
        if (labelVi == null || labelVi.isBlank()) {
            throw new IllegalArgumentException("band " + key + " needs a Vietnamese label");
        }
        if (labelEn == null || labelEn.isBlank()) {
            throw new IllegalArgumentException("band " + key + " needs an English label");
        }
        Objects.requireNonNull(minScore, "band " + key + " needs a minimum score");
        if (minScore.signum() < 0) {
            throw new IllegalArgumentException("band " + key + " minimum score must be >= 0, got " + minScore);
        }
    }
}
