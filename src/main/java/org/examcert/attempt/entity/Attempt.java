package org.examcert.attempt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.examcert.attempt.AttemptState;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One attempt at a contest: a state machine whose transitions take {@code now}. The deadline is
 * fixed when it starts; the score is recorded once, when it is graded after finalizing.
 * Its length (about 280 lines) is mostly its fields and accessors; each transition is a short named
 * method.
 */
@Entity
@Table(name = "attempt")
public class Attempt {

    /** Who or what ended an attempt. */
    public enum EndedBy { CANDIDATE, DEADLINE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participation_id")
    private long participationId;

    @Column(name = "candidate_id")
    private long candidateId;

    @Column(name = "contest_id")
    private long contestId;

    @Column(name = "contest_version")
    private int contestVersion;

    @Column(name = "board_code")
    private String boardCode;

    /** How many options each question of the paper shows, one digit per position: "4434...". */
    @Column(name = "option_counts")
    private String optionCounts;

    private int number;
    private long seed;

    @Enumerated(EnumType.STRING)
    private AttemptState state;

    @Column(name = "started_at")
    private Instant startedAt;

    private Instant deadline;

    @Column(name = "accept_until")
    private Instant acceptUntil;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    private EndedBy endedBy;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "device_changes")
    private int deviceChanges;

    private BigDecimal score;

    @Column(name = "max_score")
    private BigDecimal maxScore;

    @Column(name = "correct_count")
    private Integer correctCount;

    @Column(name = "answered_count")
    private Integer answeredCount;

    private String flags;

    /** The candidate's answer to the contest's tie-break prediction question, given at submit. */
    private Integer prediction;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    public static final int MAX_PREDICTION = 10_000_000;

    protected Attempt() {
    }

    /** Whose attempt it is: the candidate's participation in a contest, on one of its boards. */
    public record Entry(long participationId, long candidateId, long contestId, String boardCode) {
        public Entry {
            Objects.requireNonNull(boardCode, "boardCode is required");
        }
    }

    /**
     * A new attempt, in progress. Its paper is not stored with it: {@code seed} draws it again from
     * the published version; {@code optionCounts} (per position) is what a save checks an answer against.
     */
    public Attempt(Entry entry, int contestVersion, int number, long seed, List<Integer> optionCounts, Instant now,
                   Instant deadline, Instant acceptUntil, String deviceId, BigDecimal maxScore) {
        if (number < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
        if (!deadline.isAfter(now)) {
            throw Problem.conflict("attempt.no-time-left");
        }
        if (optionCounts.isEmpty() || optionCounts.stream().anyMatch(n -> n < 2 || n > 9)) {
            throw new IllegalArgumentException("a paper shows 2 to 9 options per question, got " + optionCounts);
        }
        this.participationId = entry.participationId();
        this.candidateId = entry.candidateId();
        this.contestId = entry.contestId();
        this.boardCode = entry.boardCode();
        this.optionCounts = optionCounts.stream().map(String::valueOf).collect(Collectors.joining());
        this.contestVersion = contestVersion;
        this.number = number;
        this.seed = seed;
        this.state = AttemptState.IN_PROGRESS;
        this.startedAt = now;
        this.deadline = deadline;
        if (acceptUntil.isBefore(deadline)) {
            throw new IllegalArgumentException("answers are accepted at least until the deadline");
        }
        this.acceptUntil = acceptUntil;
        this.deviceId = Objects.requireNonNull(deviceId);
        this.maxScore = maxScore;
    }

    /** Another device resumes the attempt: it becomes the active one. Returns whether it changed. */
    public boolean activateDevice(String device) {
        if (state != AttemptState.IN_PROGRESS || deviceId.equals(device)) {
            return false;
        }
        this.deviceId = device;
        this.deviceChanges++;
        return true;
    }

    /** The candidate submits; past the deadline's grace the attempt expires at its deadline instead. */
    public void submit(Instant now, boolean stillAccepting) {
        if (stillAccepting) {
            end(AttemptState.SUBMITTED, now.isAfter(deadline) ? deadline : now, EndedBy.CANDIDATE);
        } else {
            expire();
        }
    }

    /** Records the tie-break prediction; only while the attempt can still be submitted. */
    public void predict(int value) {
        if (state != AttemptState.IN_PROGRESS) {
            throw new IllegalStateException("attempt " + id + " is " + state + ": too late to predict");
        }
        if (value < 0 || value > MAX_PREDICTION) {
            throw new IllegalArgumentException("a prediction is between 0 and " + MAX_PREDICTION + ", got " + value);
        }
        this.prediction = value;
    }

    public java.util.Optional<Integer> prediction() {
        return java.util.Optional.ofNullable(prediction);
    }

    /** Time ran out: the attempt ends at its deadline, with what was saved. */
    public void expire() {
        end(AttemptState.EXPIRED, deadline, EndedBy.DEADLINE);
    }

    private void end(AttemptState target, Instant at, EndedBy by) {
        if (!state.canBecome(target)) {
            throw Problem.conflict("attempt.closed");
        }
        this.state = target;
        this.endedAt = at;
        this.endedBy = by;
    }

    /** Records the grade of this attempt, computed from its stored answers. */
    public void grade(BigDecimal score, int correctCount, int answeredCount, Set<String> integrityFlags) {
        if (!state.isFinal()) {
            throw new IllegalStateException("attempt " + id + " is graded only once it is final");
        }
        if (score.signum() < 0 || score.compareTo(maxScore) > 0) {
            throw new IllegalArgumentException("score " + score + " outside 0.." + maxScore);
        }
        this.score = score;
        this.correctCount = correctCount;
        this.answeredCount = answeredCount;
        this.flags = integrityFlags.isEmpty() ? null : String.join(",", new TreeSet<>(integrityFlags));
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt == null ? deadline : endedAt);
    }

    public boolean isGraded() {
        return score != null;
    }

    public Long id() {
        return id;
    }

    public long participationId() {
        return participationId;
    }

    public long candidateId() {
        return candidateId;
    }

    public long contestId() {
        return contestId;
    }

    public int contestVersion() {
        return contestVersion;
    }

    public int number() {
        return number;
    }

    public String boardCode() {
        return boardCode;
    }

    /** The option counts as stored, one digit per position: what the save statement reads. */
    public String optionCountsText() {
        return optionCounts;
    }

    /** How many options the question at {@code position} shows; 0 when the paper has no such position. */
    public int optionCount(int position) {
        return position < 1 || position > optionCounts.length() ? 0 : optionCounts.charAt(position - 1) - '0';
    }

    public long seed() {
        return seed;
    }

    public AttemptState state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant acceptUntil() {
        return acceptUntil;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public EndedBy endedBy() {
        return endedBy;
    }

    public String deviceId() {
        return deviceId;
    }

    public int deviceChanges() {
        return deviceChanges;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public Integer correctCount() {
        return correctCount;
    }

    public Integer answeredCount() {
        return answeredCount;
    }

    public Set<String> flags() {
        return flags == null ? Set.of() : Arrays.stream(flags.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
