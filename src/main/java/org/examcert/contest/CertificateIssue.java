package org.examcert.contest;

/** When a contest issues certificates: never, as soon as a passing band is reached, or once at close for each final band. */
public enum CertificateIssue {
    NONE, ON_PASS, AT_CLOSE
}
