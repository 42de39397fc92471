-- A start writes one row. The recorded seed, the frozen published version and the board already
-- determine a paper, so a running attempt keeps only what a save must check: its board and how
-- many options each question shows (one digit per position, "4434..."). Its answers are rows of
-- attempt_answer, written by the save itself; the paper's attempt_item rows are written when the
-- attempt ends, with the answers, for grading, review, statistics and the score audit.
ALTER TABLE attempt
    ADD COLUMN board_code    VARCHAR(40)  NULL,
    ADD COLUMN option_counts VARCHAR(200) NULL;

UPDATE attempt a JOIN participation p ON p.id = a.participation_id SET a.board_code = p.board_code;

UPDATE attempt a
    JOIN (SELECT attempt_id, GROUP_CONCAT(option_count ORDER BY position SEPARATOR '') AS counts
          FROM attempt_item GROUP BY attempt_id) i ON i.attempt_id = a.id
SET a.option_counts = i.counts;

ALTER TABLE attempt
    MODIFY board_code    VARCHAR(40)  NOT NULL,
    MODIFY option_counts VARCHAR(200) NOT NULL;

-- The latest save of each answered position: seq orders one device's saves, so an older save
-- that arrives late never overwrites a newer one. Kept after the attempt ends: the save record.
CREATE TABLE attempt_answer (
    attempt_id     BIGINT       NOT NULL,
    position       SMALLINT     NOT NULL,
    chosen_option  TINYINT,
    answered_at    TIMESTAMP(3) NOT NULL,
    save_seq       BIGINT       NOT NULL,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT fk_answer_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every answer saved so far moves with its attempt; the papers of attempts running now stay
-- written, and their end fills them in from attempt_answer like any other.
INSERT INTO attempt_answer (attempt_id, position, chosen_option, answered_at, save_seq)
SELECT attempt_id, position, chosen_option, answered_at, save_seq FROM attempt_item
WHERE save_seq > 0 AND answered_at IS NOT NULL;
