package org.examcert.contest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.examcert.platform.database.UniqueKey;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.ContestClosed;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestPublishing;
import org.examcert.contest.ContestRules;
import org.examcert.contest.DrawRule;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.entity.Board;
import org.examcert.contest.entity.Contest;
import org.examcert.contest.entity.ContestVersion;
import org.examcert.platform.text.DrawableText;
import org.examcert.platform.text.GlyphCoverage;
import org.examcert.platform.problem.Problem;
import org.examcert.questionbank.control.QuestionBanks;
import org.examcert.questionbank.entity.Question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The organizer's operations on contests: create, edit, define boards, publish, close, reopen. */
@ApplicationScoped
public class ContestEditing {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    QuestionBanks banks;

    @Inject
    Event<ContestCatalog.ContestChanged> changed;

    @Inject
    Event<ContestPublishing> publishing;

    @Inject
    Event<ContestClosed> closed;

    // titles, board names and band labels are printed on certificates: implemented by the certificate capability
    @Inject
    GlyphCoverage glyphs;

    /**
     * Refuses a form whose text a certificate prints but its fonts cannot draw, or that holds a
     * control character, with an error at each such field ({@code null} texts are not being changed).
     */
    public void requirePrintable(Map<String, String> fields) {
        DrawableText printable = new DrawableText(glyphs::covers);
        List<Problem.FieldError> errors = new ArrayList<>();
        fields.forEach((field, text) -> printable.check(field, text).ifPresent(errors::add));
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    /** The texts of these rules that certificates print: the Vietnamese and English band labels. */
    public static Map<String, String> printedTexts(ContestRules rules) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        if (rules != null) {
            rules.bands().bands().forEach(b -> {
                texts.put("rules.bands." + b.key() + ".labelVi", b.labelVi());
                texts.put("rules.bands." + b.key() + ".labelEn", b.labelEn());
            });
        }
        return texts;
    }

    public Contest create(String code, String title, String description, ContestKind kind, Instant opensAt,
                          Instant closesAt, ContestRules rules, Instant now) {
        if (byCode(code).isPresent()) {
            throw Problem.conflict("contest.code-taken", code);
        }
        Contest contest = new Contest(code, title, description, kind, opensAt, closesAt, rules, now);
        em.persist(contest);
        // another organizer may have taken the code a moment ago
        UniqueKey.flush(em, "uq_contest_code", () -> Problem.conflict("contest.code-taken", code));
        return contest;
    }

    public Contest require(long id) {
        // The lock refreshes the contest from the database: changes of this transaction go there first.
        em.flush();
        Contest contest = em.find(Contest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (contest == null) {
            throw Problem.notFound("contest.not-found", id);
        }
        return contest;
    }

    /** A contest to read (no lock): for reports, which must not queue behind editing. */
    public Contest find(long id) {
        Contest contest = em.find(Contest.class, id);
        if (contest == null) {
            throw Problem.notFound("contest.not-found", id);
        }
        return contest;
    }

    public java.util.Optional<Contest> byCode(String code) {
        return em.createQuery("SELECT c FROM Contest c WHERE c.code = :code", Contest.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public List<Contest> all() {
        return em.createQuery("SELECT c FROM Contest c ORDER BY c.createdAt DESC, c.id DESC", Contest.class).getResultList();
    }

    /**
     * Freezes rules, boards and the text of every question they may draw as a new version. Refused
     * (422, naming the board and bank) when a board cannot draw a full paper.
     */
    public PublishedContest publish(long contestId, Instant now) {
        Contest contest = require(contestId);
        contest.checkPublishable();
        int version = contest.publishedVersion().orElse(0) + 1;
        PublishedContest published = freeze(contest, version);
        checkDrawable(published);
        publishing.fire(new ContestPublishing(published));
        em.persist(new ContestVersion(contest.id(), version, now, SnapshotJson.write(published)));
        contest.published(version);
        changed.fire(new ContestCatalog.ContestChanged(contest.id()));
        return published;
    }

    /**
     * A paper as a board would draw it from the banks as they are now, with the correct options:
     * for organizers to check a board before publishing. Nothing is stored.
     */
    public List<PublishedContest.Question> preview(long contestId, String boardCode, long seed) {
        Contest contest = require(contestId);
        Board board = contest.board(boardCode).orElseThrow(() -> Problem.notFound("contest.board-not-found", boardCode));
        PublishedContest frozen = freeze(contest, contest.publishedVersion().orElse(0) + 1);
        PublishedContest.Board drawn = frozen.board(board.code()).orElseThrow();
        Map<String, Integer> optionCounts = new HashMap<>();
        frozen.questions().values().forEach(q -> optionCounts.put(String.valueOf(q.id()), q.options().size()));
        List<PaperDraw.Pool> pools = drawn.pools().stream().map(p -> new PaperDraw.Pool(
                p.questionIds().stream().map(String::valueOf).toList(), p.count())).toList();
        try {
            return PaperDraw.draw(seed, pools, optionCounts, contest.rules().shuffleQuestions(), false).stream()
                    .map(item -> frozen.question(Long.parseLong(item.questionId()))).toList();
        } catch (IllegalArgumentException e) {
            throw Problem.unprocessable("contest.pools-overlap", board.name());
        }
    }

    /** A new draft with the rules and boards of an existing contest (a past one, typically). */
    public Contest duplicate(long contestId, String code, String title, Instant opensAt, Instant closesAt, Instant now) {
        Contest source = require(contestId);
        Contest copy = create(code, title, source.description(), source.kind(), opensAt, closesAt, source.rules(), now);
        source.boards().forEach(b -> copy.defineBoard(b.code(), b.name(), b.drawSpec()));
        copy.signCertificates(source.certificateSigning());
        em.flush();
        return copy;
    }

    /** Rules, boards and the text of every question they may draw, as they are now. */
    private PublishedContest freeze(Contest contest, int version) {
        Map<Long, PublishedContest.Question> questions = new HashMap<>();
        List<PublishedContest.Board> boards = new ArrayList<>();
        for (Board board : contest.boards()) {
            List<PublishedContest.Pool> pools = new ArrayList<>();
            for (DrawRule rule : board.drawSpec()) {
                List<Question> selected = banks.select(rule.bank(), rule.topic(), rule.difficulty());
                if (selected.size() < rule.count()) {
                    throw Problem.unprocessable("contest.pool-too-small", board.name(), rule.bank(),
                            rule.topic() == null ? "" : rule.topic(), selected.size(), rule.count());
                }
                selected.forEach(q -> questions.put(q.id(), new PublishedContest.Question(q.id(), q.revision(),
                        q.topic(), q.stem(), q.options(), q.correctOption(), q.explanation())));
                pools.add(new PublishedContest.Pool(selected.stream().map(Question::id).toList(), rule.count()));
            }
            boards.add(new PublishedContest.Board(board.code(), board.name(), pools));
        }
        return new PublishedContest(contest.id(), version, contest.code(), contest.title(),
                contest.kind(), contest.rules(), boards, questions);
    }

    public Contest close(long contestId, Instant now) {
        Contest contest = require(contestId);
        contest.close(now);
        closed.fire(new ContestClosed(contestId, now));
        changed.fire(new ContestCatalog.ContestChanged(contestId));
        return contest;
    }

    public Contest reopen(long contestId, Instant closesAt, Instant now) {
        Contest contest = require(contestId);
        contest.reopen(closesAt, now);
        changed.fire(new ContestCatalog.ContestChanged(contestId));
        return contest;
    }

    /** Overlapping draw rules (the same question in two pools) could leave a pool short: try some draws. */
    private static void checkDrawable(PublishedContest contest) {
        Map<String, Integer> optionCounts = new HashMap<>();
        contest.questions().values().forEach(q -> optionCounts.put(String.valueOf(q.id()), q.options().size()));
        for (PublishedContest.Board board : contest.boards()) {
            List<PaperDraw.Pool> pools = board.pools().stream().map(p -> new PaperDraw.Pool(
                    p.questionIds().stream().map(String::valueOf).toList(), p.count())).toList();
            for (long seed = 1; seed <= 16; seed++) {
                try {
                    PaperDraw.draw(seed, pools, optionCounts, true, true);
                } catch (IllegalArgumentException e) {
                    throw Problem.unprocessable("contest.pools-overlap", board.name());
                }
            }
        }
    }
}
