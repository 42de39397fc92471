-- last_error now holds a failure reason (MailFailure), shown to organizers as a plain sentence;
-- older rows hold an exception's text, which organizers must not see: it reads as OTHER.
UPDATE mail_outbox SET last_error = 'OTHER'
 WHERE last_error IS NOT NULL
   AND last_error NOT IN ('ADDRESS_INVALID', 'RECIPIENT_REFUSED', 'SERVER_UNAVAILABLE', 'ATTACHMENT_FAILED', 'OTHER');
