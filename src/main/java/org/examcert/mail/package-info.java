/**
 * Mail: a transactional outbox, and the dispatcher that sends it over SMTP (Jakarta Mail) with
 * retries and backoff, or writes .eml files when no SMTP server is configured. Generic: what a mail
 * attaches is resolved through {@link org.examcert.mail.Attachments}, which higher capabilities provide.
 */
package org.examcert.mail;
