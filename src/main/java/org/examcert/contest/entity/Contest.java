package org.examcert.contest.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.examcert.contest.CertificateSigning;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestRules;
import org.examcert.contest.ContestState;
import org.examcert.contest.DrawRule;
import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contest and its rules. Editable while a draft; publishing freezes rules and content as a
 * version; a published contest can only be closed, and a closed one reopened with a new window.
 * Its length (about 280 lines) is mostly its fields and accessors; each change is a short named
 * method that checks the state.
 */
@Entity
@Table(name = "contest")
public class Contest {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,99}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private ContestKind kind;

    @Enumerated(EnumType.STRING)
    private ContestState state;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Convert(converter = ContestRulesConverter.class)
    private ContestRules rules;

    @Column(name = "published_version")
    private Integer publishedVersion;

    @Column(name = "certificate_place")
    private String certificatePlace;

    @Column(name = "signatory_title")
    private String signatoryTitle;

    @Column(name = "signatory_name")
    private String signatoryName;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @OneToMany(mappedBy = "contest", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Board> boards = new ArrayList<>();

    protected Contest() {
    }

    public Contest(String code, String title, String description, ContestKind kind, Instant opensAt, Instant closesAt,
                   ContestRules rules, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Problem.badRequest("contest.code-invalid", code);
        }
        if (kind == null) {
            throw Problem.badRequest("contest.kind-required");
        }
        this.code = code;
        this.kind = kind;
        this.state = ContestState.DRAFT;
        this.createdAt = now;
        describe(title, description);
        schedule(opensAt, closesAt);
        changeRules(rules);
    }

    public void describe(String title, String description) {
        requireDraft();
        if (title == null || title.isBlank() || title.length() > 300) {
            throw Problem.badRequest("contest.title-invalid");
        }
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public void schedule(Instant opensAt, Instant closesAt) {
        requireDraft();
        checkWindow(opensAt, closesAt);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public void changeRules(ContestRules rules) {
        requireDraft();
        if (rules == null) {
            throw Problem.badRequest("contest.rules-incomplete");
        }
        this.rules = rules;
    }

    /**
     * Sets where and by whom its certificates are signed. Allowed in every state: it changes no
     * rule of the exam, and certificates already issued keep what they printed.
     */
    public void signCertificates(CertificateSigning signing) {
        List<Problem.FieldError> errors = signing.errors();
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        this.certificatePlace = signing.place();
        this.signatoryTitle = signing.signatoryTitle();
        this.signatoryName = signing.signatoryName();
    }

    /** Adds a board, or redefines the one with that code. */
    public Board defineBoard(String code, String name, List<DrawRule> drawSpec) {
        requireDraft();
        Optional<Board> existing = board(code);
        if (existing.isPresent()) {
            existing.get().redefine(name, drawSpec);
            return existing.get();
        }
        Board board = new Board(this, code, name, boards.size() + 1, drawSpec);
        boards.add(board);
        return board;
    }

    public void removeBoard(String code) {
        requireDraft();
        if (!boards.removeIf(b -> b.code().equals(code))) {
            throw Problem.notFound("contest.board-not-found", code);
        }
    }

    /**
     * Checks everything that must hold for candidates to take this contest; the caller then
     * freezes the content (it knows the banks) and records the version with {@link #published}.
     */
    public void checkPublishable() {
        if (!state.canBecome(ContestState.PUBLISHED)) {
            throw Problem.conflict("contest.not-publishable", state.name());
        }
        if (boards.isEmpty()) {
            throw Problem.unprocessable("contest.no-boards");
        }
        for (Board board : boards) {
            if (board.questionCount() != rules.questionsPerAttempt()) {
                throw Problem.unprocessable("contest.board-count-mismatch", board.name(), board.questionCount(),
                        rules.questionsPerAttempt());
            }
        }
    }

    public void published(int version) {
        checkPublishable();
        this.publishedVersion = version;
        this.state = ContestState.PUBLISHED;
    }

    public void close(Instant now) {
        if (!state.canBecome(ContestState.CLOSED)) {
            throw Problem.conflict("contest.not-closable", state.name());
        }
        this.state = ContestState.CLOSED;
        if (closesAt.isAfter(now)) {
            this.closesAt = now;
        }
    }

    /** Reopens a closed contest with a later closing time; its published content stays as it was. */
    public void reopen(Instant newClosesAt, Instant now) {
        if (state != ContestState.CLOSED) {
            throw Problem.conflict("contest.not-reopenable", state.name());
        }
        if (newClosesAt == null || !newClosesAt.isAfter(now)) {
            throw Problem.badRequest("contest.window-invalid");
        }
        this.closesAt = newClosesAt;
        this.state = ContestState.PUBLISHED;
    }

    /** Whether candidates may start attempts at {@code now}. */
    public boolean isOpen(Instant now) {
        return state == ContestState.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    private void requireDraft() {
        if (state != null && state != ContestState.DRAFT) {
            throw Problem.conflict("contest.frozen", state.name());
        }
    }

    private static void checkWindow(Instant opensAt, Instant closesAt) {
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw Problem.badRequest("contest.window-invalid");
        }
    }

    public Optional<Board> board(String code) {
        return boards.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public ContestKind kind() {
        return kind;
    }

    public ContestState state() {
        return state;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public ContestRules rules() {
        return rules;
    }

    public CertificateSigning certificateSigning() {
        return new CertificateSigning(certificatePlace, signatoryTitle, signatoryName);
    }

    public Optional<Integer> publishedVersion() {
        return Optional.ofNullable(publishedVersion);
    }

    public List<Board> boards() {
        return List.copyOf(boards);
    }
}
