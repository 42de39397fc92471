-- Failed log-ins, per account (the e-mail tried, known or not) and per client address, so that every
-- instance throttles guessing alike. The key is a SHA-256 of scope and value: no e-mail or address is
-- stored in clear, and an attacker's arbitrary strings have a fixed size. Rows quiet for longer than
-- their scope's forget-after setting mean nothing and are purged.
CREATE TABLE login_throttle (
    throttle_key     CHAR(64)     NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP(3) NOT NULL,
    INDEX ix_login_throttle_last_failure (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- A session names the generation of its account's sessions; log-out, a password reset, disabling or
-- re-roling bumps the generation, which ends every earlier session at once. No row: generation 0.
-- changed_at is the database's own clock, polled by every instance (no clock skew between them).
CREATE TABLE session_generation (
    account_kind  VARCHAR(10)  NOT NULL,
    account_id    BIGINT       NOT NULL,
    generation    BIGINT       NOT NULL,
    changed_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (account_kind, account_id),
    INDEX ix_session_generation_changed (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
