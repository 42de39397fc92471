package org.examcert.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SessionTokenTest {

    private static final byte[] KEY = "a test key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-03-26T08:00:00.123Z");
    private static final SessionToken SESSION = SessionToken.issue(Role.CANDIDATE, 42, 3, ISSUED, Duration.ofHours(12));
    private static final String TOKEN = SESSION.sign(KEY);

    @Test
    void aSignedTokenVerifiesAsTheSameSession() {
        assertEquals(Optional.of(SESSION), SessionToken.verify(TOKEN, KEY, ISSUED.plusSeconds(60)));
        assertEquals(ISSUED, SESSION.issuedAt());
        assertEquals(3, SESSION.generation());
    }

    @Test
    void itEndsAtItsExpiry() {
        assertTrue(SessionToken.verify(TOKEN, KEY, ISSUED.plus(Duration.ofHours(12))).isEmpty());
        assertTrue(SessionToken.verify(TOKEN, KEY, ISSUED.plus(Duration.ofHours(12)).minusSeconds(1)).isPresent());
    }

    private static final String SIGNATURE = "A".repeat(43);

    static Stream<org.junit.jupiter.params.provider.Arguments> shapes() {
        return Stream.of(
                arguments(TOKEN, true),
                arguments("abcdefgh." + SIGNATURE, true),                  // the shortest payload
                arguments("abcdefg." + SIGNATURE, false),
                arguments("a".repeat(400) + "." + SIGNATURE, true),        // the longest
                arguments("a".repeat(401) + "." + SIGNATURE, false),
                arguments("Az09_-xy." + "A".repeat(42), false),            // signature one short
                arguments("Az09_-xy." + "A".repeat(44), false),            // one long
                arguments("Az09_-xyz" + SIGNATURE, false),                 // no dot
                arguments("Az09.-xy." + SIGNATURE, false),                 // a second dot
                arguments("Az09+/xy." + SIGNATURE, false),                 // base64, not base64url
                arguments("Az09_-x=." + SIGNATURE, false),                 // padding
                arguments("Az09_-xá." + SIGNATURE, false),
                arguments("Az09_-xy." + "A".repeat(42) + " ", false),
                arguments("", false),
                arguments(null, false));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void onlyAPayloadADotAndA43CharacterSignatureAreWellShaped(String token, boolean wellShaped) {
        assertEquals(wellShaped, SessionToken.wellShaped(token));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> forgeries() {
        String payload = TOKEN.substring(0, TOKEN.indexOf('.'));
        String signature = TOKEN.substring(TOKEN.indexOf('.') + 1);
        return Stream.of(
                arguments("padding appended", (UnaryOperator<String>) t -> t + "="),
                arguments("double padding appended", (UnaryOperator<String>) t -> t + "=="),
                arguments("padding inside the payload", (UnaryOperator<String>) t -> payload + "=." + signature),
                arguments("standard alphabet instead of url-safe", (UnaryOperator<String>) t -> t.replace('-', '+').replace('_', '/')
                        + (t.contains("-") || t.contains("_") ? "" : "+")),
                arguments("trailing garbage", (UnaryOperator<String>) t -> t + "x"),
                arguments("a third part", (UnaryOperator<String>) t -> t + ".AAAA"),
                arguments("whitespace", (UnaryOperator<String>) t -> t + " "),
                arguments("line break inside", (UnaryOperator<String>) t -> payload + ".\n" + signature),
                arguments("non-canonical last character of the signature", (UnaryOperator<String>) t -> payload + "."
                        + signature.substring(0, 42) + sibling(signature.charAt(42))),
                arguments("signature cut short", (UnaryOperator<String>) t -> t.substring(0, t.length() - 1)),
                arguments("empty signature", (UnaryOperator<String>) t -> payload + "."),
                arguments("no signature", (UnaryOperator<String>) t -> payload),
                arguments("another subject, old signature", (UnaryOperator<String>) t -> b64("CANDIDATE|43|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond()) + "." + signature),
                arguments("promoted to administrator", (UnaryOperator<String>) t -> b64("ADMINISTRATOR|42|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond()) + "." + signature),
                arguments("signed with another key", (UnaryOperator<String>) t -> SESSION.sign("another key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8))),
                arguments("the old three-part format", (UnaryOperator<String>) t -> signed("CANDIDATE|42|" + SESSION.expiresAt().getEpochSecond())),
                arguments("a sixth field", (UnaryOperator<String>) t -> signed("CANDIDATE|42|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond() + "|x")),
                arguments("an empty trailing field", (UnaryOperator<String>) t -> signed("CANDIDATE|42|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond() + "|")),
                arguments("a number with a plus sign", (UnaryOperator<String>) t -> signed("CANDIDATE|+42|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond())),
                arguments("a number with a leading zero", (UnaryOperator<String>) t -> signed("CANDIDATE|042|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond())),
                arguments("a negative generation", (UnaryOperator<String>) t -> signed("CANDIDATE|42|-1|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond())),
                arguments("an unknown role", (UnaryOperator<String>) t -> signed("ROOT|42|3|" + ISSUED.toEpochMilli() + "|"
                        + SESSION.expiresAt().getEpochSecond())),
                arguments("a year beyond Instant", (UnaryOperator<String>) t -> signed("CANDIDATE|42|3|" + ISSUED.toEpochMilli() + "|"
                        + Long.MAX_VALUE)),
                arguments("empty", (UnaryOperator<String>) t -> ""),
                arguments("a lone dot", (UnaryOperator<String>) t -> "."),
                arguments("very long", (UnaryOperator<String>) t -> "A".repeat(5000) + "." + signature));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenIsAcceptedOnlyAsSigned(String forgery, UnaryOperator<String> forge) {
        String forged = forge.apply(TOKEN);
        assertTrue(SessionToken.verify(forged, KEY, ISSUED.plusSeconds(60)).isEmpty(), forgery + ": " + forged);
    }

    /** A properly signed payload that is not one sign() writes: only the spelling is wrong. */
    private static String signed(String plain) {
        String payload = b64(plain);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
            return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A character that lenient decoders read as the same bytes: it differs only in the unused low bits. */
    private static char sibling(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last);
        // 32 bytes in 43 characters leave the last character's 2 low bits unused
        return alphabet.charAt((value & ~3) | ((value + 1) & 3));
    }
}
