package org.examcert.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** Passwords are stored only as salted PBKDF2-HMAC-SHA256 hashes (Jakarta Security). */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Verified against when there is no account, so that an unknown email costs as long as a wrong password. */
    private String unknownAccount;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        unknownAccount = hash("no account has this password");
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Whether the password matches the hash. A null hash (no such account) is refused after the
     * same slow verification, so response times do not tell which emails are registered.
     */
    public boolean matches(String password, String hash) {
        boolean verified = pbkdf2.verify((password == null ? "" : password).toCharArray(), hash == null ? unknownAccount : hash);
        return hash != null && verified;
    }
}
