package org.examcert.certificate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertificateStatusTest {

    @ParameterizedTest
    @CsvSource({
            "VALID, SUPERSEDED, true", "VALID, REVOKED, true", "VALID, VALID, false",
            "SUPERSEDED, REVOKED, true", "SUPERSEDED, VALID, false",
            "REVOKED, VALID, false", "REVOKED, SUPERSEDED, false"
    })
    void transitions(CertificateStatus from, CertificateStatus to, boolean allowed) {
        assertEquals(allowed, from.canBecome(to));
    }
}
