/**
 * Certificates for their holders (list, download), for anyone (verification by serial: API and
 * page) and for organizers at the console (revoke, resend, re-issue), which fire
 * {@link org.examcert.certificate.CertificateAction}.
 */
package org.examcert.certificate.boundary;
