-- Certificates (giấy chứng nhận) with the facts they certify frozen at issue, and the mail outbox.

CREATE TABLE certificate (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    serial            VARCHAR(40)  NOT NULL,
    participation_id  BIGINT       NOT NULL,
    candidate_id      BIGINT       NOT NULL,
    contest_id        BIGINT       NOT NULL,
    attempt_id        BIGINT       NOT NULL,
    band              VARCHAR(30)  NOT NULL,
    band_label        VARCHAR(100) NOT NULL,
    score             DECIMAL(9,2) NOT NULL,
    max_score         DECIMAL(9,2) NOT NULL,
    full_name         VARCHAR(200) NOT NULL,
    birth_date        DATE         NOT NULL,
    unit              VARCHAR(300) NOT NULL,
    board_name        VARCHAR(300) NOT NULL,
    contest_title     VARCHAR(300) NOT NULL,
    template          VARCHAR(100) NOT NULL,
    issued_at         TIMESTAMP(3) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    superseded_by     VARCHAR(40),
    revoked_at        TIMESTAMP(3),
    revoked_reason    VARCHAR(1000),
    row_version       BIGINT       NOT NULL,
    CONSTRAINT uq_certificate_serial UNIQUE (serial),
    -- never twice for the same band of the same participation
    CONSTRAINT uq_certificate_band UNIQUE (participation_id, band),
    INDEX ix_certificate_candidate (candidate_id),
    INDEX ix_certificate_contest (contest_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mails are written here in the transaction that decides to send them, then sent by the
-- dispatcher: a crash loses none, and several instances never send one twice (row locks).
CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    body_text        TEXT          NOT NULL,
    body_html        TEXT          NOT NULL,
    attachment_ref   VARCHAR(100),
    -- the bulk operation that queued it, for progress reporting
    batch            VARCHAR(100),
    status           VARCHAR(20)   NOT NULL,
    tries            INT           NOT NULL,
    next_try_at      TIMESTAMP(3)  NOT NULL,
    last_error       VARCHAR(2000),
    created_at       TIMESTAMP(3)  NOT NULL,
    sent_at          TIMESTAMP(3),
    row_version      BIGINT        NOT NULL,
    INDEX ix_outbox_due (status, next_try_at),
    INDEX ix_outbox_batch (batch)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
