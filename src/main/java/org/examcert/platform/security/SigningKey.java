package org.examcert.platform.security;

import org.examcert.platform.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs sessions. From examcert.auth.secret when set; otherwise generated once and
 * kept in the database, so that every instance sharing the database accepts the same sessions.
 */
@ApplicationScoped
public class SigningKey {

    private static final String SETTING = "auth.signing-key";

    @Inject
    @ConfigProperty(name = "examcert.auth.secret")
    Optional<String> configured;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private volatile byte[] key;

    public byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = configured.filter(s -> s.length() >= 32)
                            .map(s -> s.getBytes(StandardCharsets.UTF_8))
                            .orElseGet(this::sharedKey);
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] sharedKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO platform_setting (name, value) VALUES (?, ?)")) {
                insert.setString(1, SETTING);
                insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT value FROM platform_setting WHERE name = ?")) {
                select.setString(1, SETTING);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Base64.getDecoder().decode(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the session signing key: " + e.getMessage(), e);
        }
    }
}
