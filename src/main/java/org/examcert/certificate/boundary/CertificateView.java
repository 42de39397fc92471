package org.examcert.certificate.boundary;

import org.examcert.certificate.control.Certificates;
import org.examcert.certificate.entity.Certificate;

import java.math.BigDecimal;
import java.time.Instant;

/** A certificate as its holder and organizers see it. */
public record CertificateView(String serial, String status, long contestId, String contest, String board, String fullName,
                              String band, String bandLabel, BigDecimal score, BigDecimal maxScore, Instant issuedAt,
                              String supersededBy, String revokedReason, String verifyUrl, String pdf) {

    /** With its verification address, which the configured public URL decides. */
    public static CertificateView of(Certificate c, Certificates certificates) {
        String verifyUrl = certificates.verifyUrl(c.serial());
        return new CertificateView(c.serial().value(), c.status().name(), c.contestId(), c.contestTitle(), c.boardName(),
                c.fullName(), c.band(), c.bandLabel(), c.score(), c.maxScore(), c.issuedAt(), c.supersededBy(),
                c.revokedReason(), verifyUrl, "/api/certificates/" + c.serial().value() + "/pdf");
    }
}
