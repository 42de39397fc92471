package org.examcert.platform;

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
 * session state lives in one JVM. Format: base64url(role|subject|expiry) '.' base64url(HMAC-SHA256).
 */
public record SessionToken(Role role, long subject, Instant expiresAt) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public SessionToken {
        if (role == null || subject <= 0 || expiresAt == null) {
            throw new IllegalArgumentException("a session names a role, a subject and an expiry");
        }
    }

    public static SessionToken issue(Role role, long subject, Instant now, Duration lifetime) {
        return new SessionToken(role, subject, now.plus(lifetime));
    }

    public String sign(byte[] key) {
        String payload = ENCODER.encodeToString((role + "|" + subject + "|" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** The session a token carries, if its signature holds and it has not expired at {@code now}. */
    public static Optional<SessionToken> verify(String token, byte[] key, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(hmac(key, payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|");
            SessionToken session = new SessionToken(Role.valueOf(parts[0]), Long.parseLong(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return now.isBefore(session.expiresAt()) ? Optional.of(session) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
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
