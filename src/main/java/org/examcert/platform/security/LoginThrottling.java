package org.examcert.platform.security;

import org.examcert.platform.database.Database;
import org.examcert.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Throttles log-in guessing per account (the e-mail tried, registered or not, so the answer tells
 * nothing about which e-mails exist) and per client address, with {@link LoginThrottle} rules, in the
 * table login_throttle that every instance shares.
 * <p>
 * An attempt is counted as a failure before its password is checked and forgiven when it proves right:
 * the check and the count happen under the rows' locks in one short transaction, so parallel requests
 * cannot all slip through at the moment a wait ends. The slow password check runs outside that lock.
 */
@ApplicationScoped
public class LoginThrottling {

    private static final Logger LOG = Logger.getLogger(LoginThrottling.class.getName());
    /** TIMESTAMP's earliest value: a row that exists only to be locked has never failed. */
    private static final Timestamp NEVER = Timestamp.from(Instant.ofEpochSecond(1));

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;
    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "examcert.login.account.free-failures", defaultValue = "5")
    int accountFree;
    @Inject
    @ConfigProperty(name = "examcert.login.account.first-delay-seconds", defaultValue = "5")
    int accountFirstDelay;
    @Inject
    @ConfigProperty(name = "examcert.login.account.max-delay-seconds", defaultValue = "900")
    int accountMaxDelay;
    @Inject
    @ConfigProperty(name = "examcert.login.account.forget-after-minutes", defaultValue = "60")
    int accountForgetAfter;
    @Inject
    @ConfigProperty(name = "examcert.login.address.free-failures", defaultValue = "100")
    int addressFree;
    @Inject
    @ConfigProperty(name = "examcert.login.address.first-delay-seconds", defaultValue = "1")
    int addressFirstDelay;
    @Inject
    @ConfigProperty(name = "examcert.login.address.max-delay-seconds", defaultValue = "60")
    int addressMaxDelay;
    @Inject
    @ConfigProperty(name = "examcert.login.address.forget-after-minutes", defaultValue = "15")
    int addressForgetAfter;
    @Inject
    @ConfigProperty(name = "examcert.login.trusted-proxies")
    Optional<String> trustedProxyList;

    private LoginThrottle perAccount;
    private LoginThrottle perAddress;
    private Set<String> trustedProxies;

    @PostConstruct
    void configure() {
        perAccount = new LoginThrottle(accountFree, Duration.ofSeconds(accountFirstDelay),
                Duration.ofSeconds(accountMaxDelay), Duration.ofMinutes(accountForgetAfter));
        perAddress = new LoginThrottle(addressFree, Duration.ofSeconds(addressFirstDelay),
                Duration.ofSeconds(addressMaxDelay), Duration.ofMinutes(addressForgetAfter));
        trustedProxies = Set.copyOf(java.util.Arrays.stream(trustedProxyList.orElse("").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** Who logs in: candidates and staff are separate accounts even with one e-mail. */
    public enum Door {
        CANDIDATE, STAFF
    }

    /**
     * Runs {@code authenticate} unless the account or the address must wait (then 429 with
     * Retry-After); a failure counts against both, a success clears the account's failures. The
     * caller runs outside any JTA transaction (its boundary says {@code NOT_SUPPORTED}): the counts
     * commit on their own connection, whatever becomes of the log-in.
     */
    public <T> Optional<T> guard(Door door, String email, HttpServletRequest request, Supplier<Optional<T>> authenticate) {
        String address = ClientAddress.of(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")), trustedProxies);
        String accountKey = key("account:" + door + ":" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)));
        String addressKey = key("address:" + address);
        Instant now = clock.instant();
        Instant addressBefore = admit(accountKey, addressKey, now);
        Optional<T> account = authenticate.get();
        if (account.isPresent()) {
            forgive(accountKey, addressKey, now, addressBefore);
        } else {
            LOG.fine(() -> "event=login.failed door=" + door + " address=" + address);
        }
        return account;
    }

    private record Row(int failures, Instant lastFailure) {
    }

    /**
     * Refuses with 429 while either key must wait; otherwise counts this attempt as a failure of both.
     * Returns the address's previous last failure, to put back if the password proves right.
     */
    private Instant admit(String accountKey, String addressKey, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            // The rows must exist before they are locked: locking a gap lets two first attempts deadlock.
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT IGNORE INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 0, ?), (?, 0, ?)")) {
                insert.setString(1, accountKey);
                insert.setTimestamp(2, NEVER);
                insert.setString(3, addressKey);
                insert.setTimestamp(4, NEVER);
                insert.executeUpdate();
            }
            c.setAutoCommit(false);
            try {
                Map<String, Row> rows = new HashMap<>();
                // One statement locks both rows in key order, so two log-ins never lock them crosswise.
                try (PreparedStatement select = c.prepareStatement("SELECT throttle_key, failures, last_failure_at "
                        + "FROM login_throttle WHERE throttle_key IN (?, ?) ORDER BY throttle_key FOR UPDATE")) {
                    select.setString(1, accountKey);
                    select.setString(2, addressKey);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.put(rs.getString(1), new Row(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                        }
                    }
                }
                Row account = rows.getOrDefault(accountKey, new Row(0, NEVER.toInstant()));
                Row address = rows.getOrDefault(addressKey, new Row(0, NEVER.toInstant()));
                Optional<Duration> wait = longer(perAccount.waitAt(account.failures(), account.lastFailure(), now),
                        perAddress.waitAt(address.failures(), address.lastFailure(), now));
                if (wait.isPresent()) {
                    throw Problem.tooManyRequests("auth.throttled", LoginThrottle.retryAfterSeconds(wait.get()));
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE login_throttle SET failures = ?, last_failure_at = ? WHERE throttle_key = ?")) {
                    update.setInt(1, perAccount.counted(account.failures(), account.lastFailure(), now) + 1);
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setString(3, accountKey);
                    update.addBatch();
                    update.setInt(1, perAddress.counted(address.failures(), address.lastFailure(), now) + 1);
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setString(3, addressKey);
                    update.addBatch();
                    update.executeBatch();
                }
                c.commit();
                return address.lastFailure();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the log-in throttle: " + e.getMessage(), e);
        }
    }

    /** The password was right: the account starts afresh, and the address's count loses this attempt again. */
    private void forgive(String accountKey, String addressKey, Instant now, Instant addressBefore) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?");
             PreparedStatement undo = c.prepareStatement("UPDATE login_throttle SET failures = GREATEST(failures - 1, 0), "
                     + "last_failure_at = IF(last_failure_at = ?, ?, last_failure_at) WHERE throttle_key = ?")) {
            delete.setString(1, accountKey);
            delete.executeUpdate();
            undo.setTimestamp(1, Timestamp.from(now));
            undo.setTimestamp(2, Timestamp.from(addressBefore));
            undo.setString(3, addressKey);
            undo.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the log-in throttle: " + e.getMessage(), e);
        }
    }

    /** Drops rows that no longer count under either rule, so guessed e-mails do not pile up (outside any transaction). */
    public int purge(Instant now) {
        Instant before = perAccount.forgetBefore(now).isBefore(perAddress.forgetBefore(now))
                ? perAccount.forgetBefore(now) : perAddress.forgetBefore(now);
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM login_throttle WHERE last_failure_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the log-in throttle: " + e.getMessage(), e);
        }
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String key(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
