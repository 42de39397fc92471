/** The dispatcher that drains the outbox. */
package org.examcert.mail.boundary;
