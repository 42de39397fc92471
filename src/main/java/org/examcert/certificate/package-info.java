/**
 * Certificates (giấy chứng nhận): issued in the transaction of the result that earns them, rendered
 * to PDF from a template with an embedded Vietnamese font and a QR code, mailed through the outbox,
 * and verifiable by anyone from their serial. Pure rules here: serials, states, the layout format;
 * {@link org.examcert.certificate.CertificateAction} is what an organizer did, for the audit log.
 */
package org.examcert.certificate;
