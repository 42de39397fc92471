/** Issuing certificates on a band reached, rendering them with PDFBox, and providing them to mail and verification. */
package org.examcert.certificate.control;
