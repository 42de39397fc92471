package org.examcert.contest;

import org.examcert.platform.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Where and by whom a contest's certificates are signed: the place printed before the issue date
 * ("Hà Nội, ngày 26 tháng 03 năm 2026") and the signatory's title and name under it. A contest
 * sets none, some or all of them; what it leaves unset comes from the service's configuration.
 * A blank text is unset.
 */
public record CertificateSigning(String place, String signatoryTitle, String signatoryName) {

    /** Longest text of each field: one printed line under the date. */
    public static final int MAX_LENGTH = 100;

    public static final CertificateSigning UNSET = new CertificateSigning(null, null, null);

    public CertificateSigning {
        place = unsetIfBlank(place);
        signatoryTitle = unsetIfBlank(signatoryTitle);
        signatoryName = unsetIfBlank(signatoryName);
    }

    /** What a certificate prints: each field this signing sets, the default's otherwise. */
    public CertificateSigning orElse(CertificateSigning defaults) {
        return new CertificateSigning(place != null ? place : defaults.place(),
                signatoryTitle != null ? signatoryTitle : defaults.signatoryTitle(),
                signatoryName != null ? signatoryName : defaults.signatoryName());
    }

    /** A field error, at the console form's field, for each text over {@link #MAX_LENGTH}. */
    public List<Problem.FieldError> errors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        tooLong("certificatePlace", place, errors);
        tooLong("signatoryTitle", signatoryTitle, errors);
        tooLong("signatoryName", signatoryName, errors);
        return errors;
    }

    private static void tooLong(String field, String text, List<Problem.FieldError> errors) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_LENGTH) {
            errors.add(Problem.FieldError.of(field, "contest.signing-too-long", MAX_LENGTH));
        }
    }

    private static String unsetIfBlank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
