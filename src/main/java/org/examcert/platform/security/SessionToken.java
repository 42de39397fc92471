package org.examcert.platform.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed, self-contained session: any instance holding the same key can verify it, so no
 * session state lives in one JVM. Format: base64url(role|subject|generation|issuedAt|expiry) '.'
 * base64url(HMAC-SHA256), both unpadded. {@code generation} is the account's session generation when
 * the session was opened: revoking bumps it, which ends every earlier token (see {@code Sessions}).
 * Only the exact bytes {@link #sign} produces are accepted: no padding, no other alphabet, no
 * non-canonical base64 or numbers, nothing appended — a token has one spelling.
 */
public record SessionToken(Role role, long subject, long generation, Instant issuedAt, Instant expiresAt) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** A 32-byte signature in base64url without padding. */
    private static final int SIGNATURE_CHARS = 43;

    public SessionToken {
        if (role == null || subject <= 0 || generation < 0 || issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a session names a role, a subject, a generation, an issue time and an expiry");
        }
        // The wire format keeps milliseconds and seconds; trimming here makes sign/verify round-trip exactly.
        issuedAt = Instant.ofEpochMilli(issuedAt.toEpochMilli());
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }

    public static SessionToken issue(Role role, long subject, long generation, Instant now, Duration lifetime) {
        return new SessionToken(role, subject, generation, now, now.plus(lifetime));
    }

    public String sign(byte[] key) {
        String payload = ENCODER.encodeToString(plain().getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    private String plain() {
        return role + "|" + subject + "|" + generation + "|" + issuedAt.toEpochMilli() + "|" + expiresAt.getEpochSecond();
    }

    /**
     * A payload of 8 to 400 base64url characters, a dot, a 43-character signature. Written out
     * rather than as a regular expression: it is checked on every request (a regex was 5 % of a save).
     */
    static boolean wellShaped(String token) {
        if (token == null) {
            return false;
        }
        int payload = token.length() - SIGNATURE_CHARS - 1;
        if (payload < 8 || payload > 400 || token.charAt(payload) != '.') {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!base64url && i != payload) {
                return false;
            }
        }
        return true;
    }

    /** The session a token carries, if it is exactly as signed with this key and has not expired at {@code now}. */
    public static Optional<SessionToken> verify(String token, byte[] key, Instant now) {
        if (!wellShaped(token)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        try {
            byte[] claimed = DECODER.decode(signature);
            // Base64 ignores the unused low bits of the last character: demand the one canonical spelling.
            if (!ENCODER.encodeToString(claimed).equals(signature)
                    || !MessageDigest.isEqual(hmac(key, payload), claimed)) {
                return Optional.empty();
            }
            byte[] decoded = DECODER.decode(payload);
            if (!ENCODER.encodeToString(decoded).equals(payload)) {
                return Optional.empty();
            }
            String plain = new String(decoded, StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            SessionToken session = new SessionToken(Role.valueOf(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[3])),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
            // "+7" or "007" parse as 7: only the spelling sign() writes is the token.
            if (!session.plain().equals(plain)) {
                return Optional.empty();
            }
            return now.isBefore(session.expiresAt()) ? Optional.of(session) : Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** One Mac per thread: looking up the provider on every request costs more than the HMAC itself. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HMAC-SHA256 key is any byte string", e);
        }
    }
}
