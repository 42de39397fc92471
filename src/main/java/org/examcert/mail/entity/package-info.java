/** Queued mails as stored. */
package org.examcert.mail.entity;
