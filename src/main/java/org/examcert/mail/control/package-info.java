/** Queuing mails in the caller's transaction, and sending one queued mail under its row lock. */
package org.examcert.mail.control;
