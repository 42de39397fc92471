package org.examcert.questionbank.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.format.BankFileParser;
import org.examcert.questionbank.Difficulty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multiple-choice question with 2–6 options and exactly one correct option (numbered from 1).
 * Its content changes only as a whole, bumping the revision; papers already drawn keep theirs.
 */
@Entity
@Table(name = "question")
public class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "bank_id")
    private QuestionBank bank;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    private int revision;
    private String fingerprint;
    private String topic;

    @Enumerated(EnumType.STRING)
    private Difficulty difficulty;

    private String stem;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "question_option", joinColumns = @JoinColumn(name = "question_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> options = new ArrayList<>();

    @Column(name = "correct_option")
    private int correctOption;

    private String explanation;
    private String source;
    private boolean active;

    protected Question() {
    }

    public Question(QuestionBank bank, BankFile.Question content) {
        this.bank = Objects.requireNonNull(bank);
        this.externalId = content.id();
        this.revision = 0;
        revise(content);
    }

    /** Takes new content; returns false (and changes nothing) when the content is the same. */
    public boolean revise(BankFile.Question content) {
        String newFingerprint = BankFileParser.fingerprint(content);
        if (active && newFingerprint.equals(fingerprint)) {
            return false;
        }
        if (!newFingerprint.equals(fingerprint)) {
            this.revision++;
        }
        this.fingerprint = newFingerprint;
        this.topic = content.topic();
        this.difficulty = content.difficulty();
        this.stem = content.stem();
        this.options.clear();
        this.options.addAll(content.options());
        this.correctOption = content.correctOption();
        this.explanation = content.explanation();
        this.source = content.source();
        this.active = true;
        return true;
    }

    /**
     * Empties the options before a revision that changes them. EclipseLink writes a changed ordered
     * element collection as updates and inserts by position, which can collide with rows it has not
     * deleted yet; the caller flushes this emptying first, so the new options are plain inserts.
     */
    public boolean prepareOptionsFor(BankFile.Question content) {
        if (options.equals(content.options())) {
            return false;
        }
        options.clear();
        return true;
    }

    /** Whether {@link #revise} would change anything. */
    public boolean wouldChange(BankFile.Question content) {
        return !active || !BankFileParser.fingerprint(content).equals(fingerprint);
    }

    /** The content as a bank file holds it, to edit or export. */
    public BankFile.Question content() {
        return new BankFile.Question(externalId, topic, difficulty, stem, options, correctOption, explanation, source, 1);
    }

    /** A question removed from its bank file is retired: no new paper draws it, old papers keep it. */
    public boolean retire() {
        boolean was = active;
        active = false;
        return was;
    }

    public Long id() {
        return id;
    }

    public QuestionBank bank() {
        return bank;
    }

    public String externalId() {
        return externalId;
    }

    public int revision() {
        return revision;
    }

    public String topic() {
        return topic;
    }

    public Difficulty difficulty() {
        return difficulty;
    }

    public String stem() {
        return stem;
    }

    public List<String> options() {
        return List.copyOf(options);
    }

    public int correctOption() {
        return correctOption;
    }

    public String explanation() {
        return explanation;
    }

    public String source() {
        return source;
    }

    public boolean active() {
        return active;
    }
}
