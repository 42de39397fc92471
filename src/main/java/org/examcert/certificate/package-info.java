/**
 * Certificates (giấy chứng nhận): issued in the transaction of the result that earns them, rendered
 * to PDF from a template with an embedded Vietnamese font and a QR code, mailed through the outbox,
 * and verifiable by anyone from their serial. Pure rules here: serials, states, the layout format.
 */
package org.examcert.certificate;
