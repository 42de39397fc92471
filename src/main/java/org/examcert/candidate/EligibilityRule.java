package org.examcert.candidate;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * Age eligibility for a contest: a candidate is eligible when their age in completed years on the
 * reference date is between {@code minAge} and {@code maxAge} inclusive, so someone with a maximum
 * of 40 stays eligible until the day before their 41st birthday.
 */
public record EligibilityRule(int minAge, int maxAge) {

    public enum Verdict { ELIGIBLE, TOO_YOUNG, TOO_OLD }

    public EligibilityRule {
        if (minAge <= 0 || minAge > maxAge || maxAge > 120) {
            throw new IllegalArgumentException(
                    "ages must satisfy 0 < minAge <= maxAge <= 120, got " + minAge + ".." + maxAge);
        }
    }

    /** Đoàn Thanh niên membership age: 16 to 40. */
    public static EligibilityRule youthUnion() {
        return new EligibilityRule(16, 40);
    }

    /**
     * Age in completed years; per {@link Period}, someone born on 29 February completes a year on
     * 1 March in common years.
     */
    public int ageOn(LocalDate birthDate, LocalDate onDate) {
        Objects.requireNonNull(birthDate, "birthDate is required");
        Objects.requireNonNull(onDate, "onDate is required");
        if (birthDate.isAfter(onDate)) {
            throw new IllegalArgumentException("birthDate " + birthDate + " is after " + onDate);
        }
        return Period.between(birthDate, onDate).getYears();
    }

    public Verdict check(LocalDate birthDate, LocalDate onDate) {
        int age = ageOn(birthDate, onDate);
        if (age < minAge) {
            return Verdict.TOO_YOUNG;
        }
        return age > maxAge ? Verdict.TOO_OLD : Verdict.ELIGIBLE;
    }
}
