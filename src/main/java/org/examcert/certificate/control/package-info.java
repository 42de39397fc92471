/**
 * Issuing certificates on a band reached or at a contest's close, rendering them with PDFBox from
 * the templates, and providing them to mail and verification.
 */
package org.examcert.certificate.control;
