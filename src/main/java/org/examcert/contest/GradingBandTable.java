package org.examcert.contest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered table of grading bands defined against a reference maximum score. A score out of
 * any other maximum is placed by scaling the thresholds: score {@code s} out of {@code M} is in the
 * highest band whose minimum {@code b} satisfies {@code s * referenceMax >= b * M}.
 */
public final class GradingBandTable {

    /** The maximum the standard thresholds are written against. */
    public static final BigDecimal DEFAULT_REFERENCE_MAX = BigDecimal.valueOf(30);

    private static final GradingBandTable STANDARD = new GradingBandTable(DEFAULT_REFERENCE_MAX, List.of(
            new GradingBand("KHONG_DAT", "Không đạt", "Fail", BigDecimal.ZERO),
            new GradingBand("TRUNG_BINH", "Trung bình", "Average", BigDecimal.valueOf(15)),
            new GradingBand("KHA", "Khá", "Good", BigDecimal.valueOf(19)),
            new GradingBand("GIOI", "Giỏi", "Very good", BigDecimal.valueOf(25)),
            new GradingBand("XUAT_SAC", "Xuất sắc", "Excellent", BigDecimal.valueOf(30))));

    private final BigDecimal referenceMax;
    private final List<GradingBand> bands;
    private final Map<String, Integer> rankByKey;

    public GradingBandTable(BigDecimal referenceMax, List<GradingBand> bands) {
        Objects.requireNonNull(referenceMax, "referenceMax is required");
        Objects.requireNonNull(bands, "bands are required");
        if (referenceMax.signum() <= 0) {
            throw new IllegalArgumentException("referenceMax must be > 0, got " + referenceMax);
        }
        List<GradingBand> copy = List.copyOf(bands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("a band table needs at least 2 bands, got " + copy.size());
        }
        if (copy.get(0).minScore().signum() != 0) {
            throw new IllegalArgumentException(
                    "the first band must start at 0 so every score has a band, got " + copy.get(0).minScore());
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            GradingBand band = copy.get(i);
            if (ranks.putIfAbsent(band.key(), i) != null) {
                throw new IllegalArgumentException("duplicate band key " + band.key());
            }
            if (i > 0 && band.minScore().compareTo(copy.get(i - 1).minScore()) <= 0) {
                throw new IllegalArgumentException("band minimum scores must strictly increase: "
                        + band.key() + " (" + band.minScore() + ") follows "
                        + copy.get(i - 1).key() + " (" + copy.get(i - 1).minScore() + ")");
            }
        }
        GradingBand last = copy.get(copy.size() - 1);
        if (last.minScore().compareTo(referenceMax) > 0) {
            throw new IllegalArgumentException("band " + last.key() + " starts at " + last.minScore()
                    + ", above the reference maximum " + referenceMax + ", so it could never be reached");
        }
        this.referenceMax = referenceMax;
        this.bands = copy;
        this.rankByKey = Map.copyOf(ranks);
    }

    /** Không đạt 0, Trung bình 15, Khá 19, Giỏi 25, Xuất sắc 30, out of 30. */
    public static GradingBandTable standard() {
        return STANDARD;
    }

    public BigDecimal referenceMax() {
        return referenceMax;
    }

    /** The bands from lowest to highest. */
    public List<GradingBand> bands() {
        return bands;
    }

    public GradingBand bandFor(BigDecimal score, BigDecimal maxScore) {
        Objects.requireNonNull(score, "score is required");
        Objects.requireNonNull(maxScore, "maxScore is required");
        if (maxScore.signum() <= 0) {
            throw new IllegalArgumentException("maxScore must be > 0, got " + maxScore);
        }
        if (score.signum() < 0 || score.compareTo(maxScore) > 0) {
            throw new IllegalArgumentException("score must be between 0 and " + maxScore + ", got " + score);
        }
        // Cross-multiplying keeps the comparison exact: no division, so no rounding mode to pick.
        BigDecimal scaledScore = score.multiply(referenceMax);
        for (int i = bands.size() - 1; i > 0; i--) {
            if (scaledScore.compareTo(bands.get(i).minScore().multiply(maxScore)) >= 0) {
                return bands.get(i);
            }
        }
        return bands.get(0);
    }

    /** The band's position, 0 being the lowest. */
    public int rank(String key) {
        Integer rank = rankByKey.get(key);
        if (rank == null) {
            throw new IllegalArgumentException("unknown band key " + key + ", expected one of " + rankByKey.keySet());
        }
        return rank;
    }

    public GradingBand band(String key) {
        return bands.get(rank(key));
    }

    /** Whether {@code bandKey} is {@code minimumBandKey} or a higher band. */
    public boolean reaches(String bandKey, String minimumBandKey) {
        return rank(bandKey) >= rank(minimumBandKey);
    }
}
