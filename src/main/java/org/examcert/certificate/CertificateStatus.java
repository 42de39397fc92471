package org.examcert.certificate;

import java.util.Set;

/** valid → superseded (a higher band was certified later) or revoked (by the organizers, with a reason). */
public enum CertificateStatus {
    VALID, SUPERSEDED, REVOKED;

    public Set<CertificateStatus> next() {
        return switch (this) {
            case VALID -> Set.of(SUPERSEDED, REVOKED);
            case SUPERSEDED -> Set.of(REVOKED);
            case REVOKED -> Set.of();
        };
    }

    public boolean canBecome(CertificateStatus target) {
        return next().contains(target);
    }
}
