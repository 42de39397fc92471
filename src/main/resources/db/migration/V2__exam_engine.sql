-- The exam engine: banks, contests with boards and published versions, candidates, attempts and
-- results. Every table is utf8mb4 so that Vietnamese text round-trips unchanged.

CREATE TABLE question_bank (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code         VARCHAR(100) NOT NULL,
    title        VARCHAR(300) NOT NULL,
    description  VARCHAR(2000),
    imported_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_question_bank_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bank_id         BIGINT       NOT NULL,
    external_id     VARCHAR(100) NOT NULL,
    revision        INT          NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    difficulty      VARCHAR(10)  NOT NULL,
    stem            TEXT         NOT NULL,
    correct_option  TINYINT      NOT NULL,
    explanation     TEXT,
    source          VARCHAR(1000),
    active          BOOLEAN      NOT NULL,
    CONSTRAINT uq_question_external UNIQUE (bank_id, external_id),
    CONSTRAINT fk_question_bank FOREIGN KEY (bank_id) REFERENCES question_bank (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_option (
    question_id  BIGINT  NOT NULL,
    position     TINYINT NOT NULL,
    text         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (question_id, position),
    CONSTRAINT fk_option_question FOREIGN KEY (question_id) REFERENCES question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE candidate (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    full_name      VARCHAR(200) NOT NULL,
    birth_date     DATE         NOT NULL,
    email          VARCHAR(254) NOT NULL,
    phone          VARCHAR(20)  NOT NULL,
    unit           VARCHAR(300) NOT NULL,
    board          VARCHAR(40)  NOT NULL,
    password_hash  VARCHAR(400) NOT NULL,
    registered_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_candidate_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_account (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    password_hash  VARCHAR(400) NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_staff_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contest (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(100) NOT NULL,
    title              VARCHAR(300) NOT NULL,
    description        TEXT,
    kind               VARCHAR(20)  NOT NULL,
    state              VARCHAR(20)  NOT NULL,
    opens_at           TIMESTAMP(3) NOT NULL,
    closes_at          TIMESTAMP(3) NOT NULL,
    rules              TEXT         NOT NULL,
    published_version  INT,
    created_at         TIMESTAMP(3) NOT NULL,
    row_version        BIGINT       NOT NULL,
    CONSTRAINT uq_contest_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE board (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id  BIGINT       NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    position    INT          NOT NULL,
    draw_spec   TEXT         NOT NULL,
    CONSTRAINT uq_board_code UNIQUE (contest_id, code),
    CONSTRAINT fk_board_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A published version: the rules, boards and the full text of every question it may draw,
-- frozen as JSON. Papers are drawn from it and never from the live banks.
CREATE TABLE contest_version (
    contest_id    BIGINT       NOT NULL,
    version       INT          NOT NULL,
    published_at  TIMESTAMP(3) NOT NULL,
    snapshot      LONGTEXT     NOT NULL,
    PRIMARY KEY (contest_id, version),
    CONSTRAINT fk_version_contest FOREIGN KEY (contest_id) REFERENCES contest (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One candidate in one contest: the board they compete in; locked to serialize their starts.
CREATE TABLE participation (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id  BIGINT       NOT NULL,
    contest_id    BIGINT       NOT NULL,
    board_code    VARCHAR(40)  NOT NULL,
    joined_at     TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_participation UNIQUE (candidate_id, contest_id),
    CONSTRAINT fk_participation_candidate FOREIGN KEY (candidate_id) REFERENCES candidate (id),
    CONSTRAINT fk_participation_contest FOREIGN KEY (contest_id) REFERENCES contest (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attempt (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    participation_id  BIGINT       NOT NULL,
    candidate_id      BIGINT       NOT NULL,
    contest_id        BIGINT       NOT NULL,
    contest_version   INT          NOT NULL,
    number            INT          NOT NULL,
    seed              BIGINT       NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    started_at        TIMESTAMP(3) NOT NULL,
    deadline          TIMESTAMP(3) NOT NULL,
    -- the deadline plus the contest's grace: saves count until then, the sweeper acts after it
    accept_until      TIMESTAMP(3) NOT NULL,
    ended_at          TIMESTAMP(3),
    ended_by          VARCHAR(20),
    device_id         VARCHAR(64)  NOT NULL,
    device_changes    INT          NOT NULL,
    score             DECIMAL(9,2),
    max_score         DECIMAL(9,2) NOT NULL,
    correct_count     INT,
    answered_count    INT,
    flags             VARCHAR(200),
    row_version       BIGINT       NOT NULL,
    CONSTRAINT uq_attempt_number UNIQUE (participation_id, number),
    CONSTRAINT fk_attempt_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    INDEX ix_attempt_candidate (candidate_id, contest_id),
    INDEX ix_attempt_due (state, accept_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The paper: one row per drawn question, with the shown option order, the correct option and
-- points copied at draw time, so every score can be recomputed from this table alone.
CREATE TABLE attempt_item (
    attempt_id      BIGINT       NOT NULL,
    position        SMALLINT     NOT NULL,
    question_id     BIGINT       NOT NULL,
    option_order    VARCHAR(40)  NOT NULL,
    option_count    TINYINT      NOT NULL,
    correct_option  TINYINT      NOT NULL,
    points          DECIMAL(6,2) NOT NULL,
    chosen_option   TINYINT,
    answered_at     TIMESTAMP(3),
    save_seq        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT fk_item_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to an attempt besides answers: device take-overs, expiry, integrity flags.
CREATE TABLE attempt_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    attempt_id  BIGINT       NOT NULL,
    at          TIMESTAMP(3) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    detail      VARCHAR(1000),
    CONSTRAINT fk_event_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id),
    INDEX ix_event_attempt (attempt_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The grade across attempts: the official attempt, its band, and whether the round is completed.
CREATE TABLE result (
    participation_id     BIGINT       NOT NULL PRIMARY KEY,
    official_attempt_id  BIGINT       NOT NULL,
    official_score       DECIMAL(9,2) NOT NULL,
    max_score            DECIMAL(9,2) NOT NULL,
    band                 VARCHAR(30)  NOT NULL,
    highest_band         VARCHAR(30)  NOT NULL,
    completed            BOOLEAN      NOT NULL,
    attempts_graded      INT          NOT NULL,
    updated_at           TIMESTAMP(3) NOT NULL,
    row_version          BIGINT       NOT NULL,
    CONSTRAINT fk_result_participation FOREIGN KEY (participation_id) REFERENCES participation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
