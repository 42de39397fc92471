package org.examcert.candidate;

import org.examcert.platform.text.DrawableText;
import org.examcert.platform.text.EmailAddress;
import org.examcert.platform.problem.Problem;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person types to register, checked field by field so that every mistake is reported at
 * once. Text is trimmed and normalized to Unicode NFC, so a name typed with any Vietnamese keyboard
 * is stored the same way. Name and unit are printed on certificates, so both must be drawable by
 * the certificate fonts ({@link DrawableText}); control characters are refused before whitespace is
 * folded, so a pasted line break is reported and not silently joined.
 */
public record RegistrationForm(String fullName, String birthDate, String email, String phone, String unit,
                               String board, String password) {

    /** No living person was born earlier; a date before it is a typo, not an age. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // Vietnamese mobile and landline numbers: 0xxxxxxxxx or +84xxxxxxxxx.
    private static final Pattern PHONE = Pattern.compile("^(0|\\+84)[1-9][0-9]{8,9}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\p{M} .'-]*[\\p{L}\\p{M}.]$");

    /** A registration that passed every check, ready to become a candidate. */
    public record Valid(String fullName, LocalDate birthDate, String email, String phone, String unit,
                        StandardBoard board, String password) {
    }

    public Valid validate(LocalDate today, EligibilityRule eligibility, DrawableText printable) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = apostrophes(clean(fullName));
        Optional<Problem.FieldError> unprintableName = printable.check("fullName", apostrophes(typed(fullName)));
        if (unprintableName.isPresent()) {
            errors.add(unprintableName.get());
        } else if (name.length() < 2 || name.length() > 200 || !NAME.matcher(name).matches()) {
            errors.add(Problem.FieldError.of("fullName", "candidate.full-name-invalid"));
        }
        LocalDate born = null;
        try {
            born = LocalDate.parse(clean(birthDate));
            if (born.isAfter(today)) {
                errors.add(Problem.FieldError.of("birthDate", "candidate.birth-date-future"));
            } else if (born.isBefore(EARLIEST_BIRTH_DATE)) {
                errors.add(Problem.FieldError.of("birthDate", "candidate.birth-date-too-early", EARLIEST_BIRTH_DATE.toString()));
            } else {
                switch (eligibility.check(born, today)) {
                    case TOO_YOUNG -> errors.add(Problem.FieldError.of("birthDate", "candidate.too-young",
                            eligibility.minAge(), eligibility.maxAge()));
                    case TOO_OLD -> errors.add(Problem.FieldError.of("birthDate", "candidate.too-old",
                            eligibility.minAge(), eligibility.maxAge()));
                    case ELIGIBLE -> { }
                }
            }
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.of("birthDate", "candidate.birth-date-invalid"));
        }
        String mail = EmailAddress.parse(email).orElse(null);
        if (mail == null) {
            errors.add(Problem.FieldError.of("email", "candidate.email-invalid"));
        }
        String phoneNumber = clean(phone).replaceAll("[\\s.-]", "");
        if (!PHONE.matcher(phoneNumber).matches()) {
            errors.add(Problem.FieldError.of("phone", "candidate.phone-invalid"));
        }
        String unitName = clean(unit);
        Optional<Problem.FieldError> unprintableUnit = printable.check("unit", typed(unit));
        if (unprintableUnit.isPresent()) {
            errors.add(unprintableUnit.get());
        } else if (unitName.isEmpty() || unitName.length() > 300) {
            errors.add(Problem.FieldError.of("unit", "candidate.unit-required"));
        }
        StandardBoard chosenBoard = StandardBoard.byCode(clean(board)).orElse(null);
        if (chosenBoard == null) {
            errors.add(Problem.FieldError.of("board", "candidate.board-invalid"));
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            errors.add(Problem.FieldError.of("password", "candidate.password-too-short", 8));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Valid(name, born, mail, phoneNumber, unitName, chosenBoard, password);
    }

    /** What was typed, without the surrounding whitespace (inner control characters kept, to be refused). */
    private static String typed(String text) {
        return text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    /**
     * Names of the Central Highlands peoples carry an apostrophe ("Ksor H'Bơ Khắp") that phone
     * keyboards type as ’ (U+2019) or ʼ (U+02BC): all are stored as the one ASCII apostrophe, so
     * the same person is always written the same way.
     */
    static String apostrophes(String name) {
        return name.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'').replace('\uFF07', '\'');
    }

    static String clean(String text) {
        return text == null ? "" : Normalizer.normalize(text.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }
}
