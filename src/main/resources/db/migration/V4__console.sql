-- The organizer console: units with their expected members, the audit log of organizer actions,
-- the tie-break prediction a candidate gives at submit, and staff accounts that can be disabled.

CREATE TABLE unit (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code              VARCHAR(40)  NOT NULL,
    name              VARCHAR(300) NOT NULL,
    -- name folded for matching the free text candidates registered with (case, spaces, NFC)
    match_key         VARCHAR(300) NOT NULL,
    expected_members  INT          NOT NULL,
    updated_at        TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_unit_code UNIQUE (code),
    CONSTRAINT uq_unit_match UNIQUE (match_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP(3) NOT NULL,
    staff_id     BIGINT       NOT NULL,
    staff_email  VARCHAR(254) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    target       VARCHAR(200) NOT NULL,
    before_state MEDIUMTEXT,
    after_state  MEDIUMTEXT,
    INDEX ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE attempt ADD COLUMN prediction INT NULL;

ALTER TABLE staff_account ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
