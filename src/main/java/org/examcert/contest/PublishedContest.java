package org.examcert.contest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published version of a contest, frozen: its rules, its boards with the questions each may draw,
 * and the full text of those questions. Immutable, so it is cached without limit of time and
 * every paper drawn from it can be shown again exactly. The window (open/close) is not frozen: a
 * closed contest may be reopened, so it is read from the contest itself.
 */
public record PublishedContest(long contestId, int version, String code, String title, ContestKind kind,
                               ContestRules rules, List<Board> boards, Map<Long, Question> questions) {

    public PublishedContest {
        boards = List.copyOf(boards);
        questions = Map.copyOf(questions);
    }

    /** A board and, per draw rule, the ids of the questions it may draw (in a stable order). */
    public record Board(String code, String name, List<Pool> pools) {
        public Board {
            pools = List.copyOf(pools);
        }
    }

    public record Pool(List<Long> questionIds, int count) {
        public Pool {
            questionIds = List.copyOf(questionIds);
        }
    }

    /** A question as it was when the version was published. Options are numbered from 1. */
    public record Question(long id, int revision, String topic, String stem, List<String> options, int correctOption,
                           String explanation) {
        public Question {
            options = List.copyOf(options);
            if (correctOption < 1 || correctOption > options.size()) {
                throw new IllegalArgumentException("question " + id + ": correct option out of range");
            }
        }
    }

    public Optional<Board> board(String code) {
        return boards.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Question question(long id) {
        Question q = questions.get(id);
        if (q == null) {
            throw new IllegalStateException("question " + id + " is not part of contest " + contestId + " v" + version);
        }
        return q;
    }
}
