package org.examcert.contest;

import org.examcert.platform.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertificateSigningTest {

    private static final CertificateSigning CONFIGURED = new CertificateSigning("Trà Vinh", "TM. BAN TỔ CHỨC", null);

    static Stream<Arguments> printed() {
        return Stream.of(
                // nothing set on the contest: the configuration
                Arguments.of(CertificateSigning.UNSET, new CertificateSigning("Trà Vinh", "TM. BAN TỔ CHỨC", null)),
                // each field on its own
                Arguments.of(new CertificateSigning("Hà Nội", null, null), new CertificateSigning("Hà Nội", "TM. BAN TỔ CHỨC", null)),
                Arguments.of(new CertificateSigning(null, "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", null),
                        new CertificateSigning("Trà Vinh", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", null)),
                Arguments.of(new CertificateSigning(null, null, "Nguyễn Văn An"),
                        new CertificateSigning("Trà Vinh", "TM. BAN TỔ CHỨC", "Nguyễn Văn An")),
                Arguments.of(new CertificateSigning("Cần Thơ", "BÍ THƯ", "Trần Thị Bình"),
                        new CertificateSigning("Cần Thơ", "BÍ THƯ", "Trần Thị Bình")),
                // blank is unset, and text is stripped
                Arguments.of(new CertificateSigning("  ", "", "\t"), new CertificateSigning("Trà Vinh", "TM. BAN TỔ CHỨC", null)),
                Arguments.of(new CertificateSigning(" Hà Nội ", null, " Lê Văn C "), new CertificateSigning("Hà Nội", "TM. BAN TỔ CHỨC", "Lê Văn C")));
    }

    @ParameterizedTest
    @MethodSource("printed")
    void whatTheContestLeavesUnsetComesFromTheConfiguration(CertificateSigning contest, CertificateSigning expected) {
        assertEquals(expected, contest.orElse(CONFIGURED));
    }

    static Stream<Arguments> bounds() {
        String longest = "Đ".repeat(CertificateSigning.MAX_LENGTH);
        String tooLong = longest + "à";
        return Stream.of(
                Arguments.of(new CertificateSigning(longest, longest, longest), List.of()),
                Arguments.of(new CertificateSigning(tooLong, null, null), List.of("certificatePlace")),
                Arguments.of(new CertificateSigning(null, tooLong, tooLong), List.of("signatoryTitle", "signatoryName")),
                // a long run of spaces around the text does not count
                Arguments.of(new CertificateSigning("   " + longest + "   ", null, null), List.of()));
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void eachTextIsOnePrintedLineOfAtMostAHundredCharacters(CertificateSigning signing, List<String> fields) {
        List<Problem.FieldError> errors = signing.errors();
        assertEquals(fields, errors.stream().map(Problem.FieldError::field).toList());
        errors.forEach(e -> assertEquals(List.of("contest.signing-too-long", List.of(CertificateSigning.MAX_LENGTH)),
                List.of(e.code(), e.args())));
    }
}
