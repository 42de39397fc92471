-- Outages whose time has been given back to the attempts running through them (OutageCredit):
-- an instance that sees the same outage later gives back only what is not recorded here.
CREATE TABLE outage_period (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at   TIMESTAMP(3) NOT NULL,
    ended_at     TIMESTAMP(3) NOT NULL,
    attempts     INT          NOT NULL,
    recorded_at  TIMESTAMP(3) NOT NULL,
    INDEX ix_outage_period_span (started_at, ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The row that instances lock (FOR UPDATE) to give back one outage at a time.
INSERT INTO platform_setting (name, value) VALUES ('attempt.outage-credit-lock', '');
