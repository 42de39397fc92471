package org.examcert.certificate.boundary;

import org.examcert.certificate.entity.Certificate;

import java.time.Instant;

/** What anyone may learn about a certificate from its serial: enough to check it, nothing more. */
public record Verification(String serial, String status, String fullName, String contest, String board, String band,
                           Instant issuedAt, String supersededBy, Instant revokedAt) {

    static Verification of(Certificate c) {
        return new Verification(c.serial().value(), c.status().name(), c.fullName(), c.contestTitle(), c.boardName(),
                c.bandLabel(), c.issuedAt(), c.supersededBy(), c.revokedAt());
    }
}
