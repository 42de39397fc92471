package org.examcert.mail;

import org.examcert.platform.problem.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MailFailureTest {

    @ParameterizedTest
    @CsvSource({
            "ADDRESS_INVALID, true, ADDRESS_INVALID",
            "RECIPIENT_REFUSED, true, RECIPIENT_REFUSED",
            "SERVER_UNAVAILABLE, false, SERVER_UNAVAILABLE",
            "ATTACHMENT_FAILED, false, ATTACHMENT_FAILED",
            // text an older version stored: an exception's
            "'java.lang.IllegalArgumentException: No glyph for U+738B in font DejaVuSerif', false, OTHER",
            "'jakarta.mail.internet.AddressException: Local address contains control or whitespace', false, OTHER",
    })
    void aStoredReasonAndWhetherRetryingCanHelp(String stored, boolean permanent, MailFailure expected) {
        assertEquals(expected, MailFailure.stored(stored));
        assertEquals(permanent, MailFailure.stored(stored).permanent());
    }

    @ParameterizedTest
    @EnumSource(MailFailure.class)
    void organizersReadEveryReasonInBothLanguagesWithoutJavaText(MailFailure failure) {
        for (Locale locale : List.of(Messages.VIETNAMESE, Locale.ENGLISH)) {
            String message = Messages.format(locale, failure.messageCode(), List.of());
            assertNotEquals(failure.messageCode(), message, "a message exists for " + locale);
            assertFalse(message.contains("Exception") || message.contains("java."), message);
        }
        assertNotEquals(Messages.format(Messages.VIETNAMESE, failure.messageCode(), List.of()),
                Messages.format(Locale.ENGLISH, failure.messageCode(), List.of()));
    }
}
