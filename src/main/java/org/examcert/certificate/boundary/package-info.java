/** Certificates for their holders (list, download) and for anyone (verification by serial: API and page). */
package org.examcert.certificate.boundary;
