/** The organizer API: staff session, contest editing, publishing and closing, certificates, audits. */
package org.examcert.console.boundary;
