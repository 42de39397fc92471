package org.examcert.contest.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestRules;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.entity.ContestRulesJson;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads the JSON of a published version (the contest_version.snapshot column). */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static String write(PublishedContest contest) {
        JsonArrayBuilder boards = Json.createArrayBuilder();
        for (PublishedContest.Board board : contest.boards()) {
            JsonArrayBuilder pools = Json.createArrayBuilder();
            for (PublishedContest.Pool pool : board.pools()) {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                pool.questionIds().forEach(ids::add);
                pools.add(Json.createObjectBuilder().add("count", pool.count()).add("questions", ids));
            }
            boards.add(Json.createObjectBuilder().add("code", board.code()).add("name", board.name()).add("pools", pools));
        }
        JsonArrayBuilder questions = Json.createArrayBuilder();
        for (PublishedContest.Question q : contest.questions().values().stream()
                .sorted(java.util.Comparator.comparingLong(PublishedContest.Question::id)).toList()) {
            JsonArrayBuilder options = Json.createArrayBuilder();
            q.options().forEach(options::add);
            var json = Json.createObjectBuilder().add("id", q.id()).add("revision", q.revision()).add("topic", q.topic())
                    .add("stem", q.stem()).add("options", options).add("correct", q.correctOption());
            if (q.explanation() != null) {
                json.add("explanation", q.explanation());
            }
            questions.add(json);
        }
        return Json.createObjectBuilder()
                .add("contestId", contest.contestId()).add("version", contest.version())
                .add("code", contest.code()).add("title", contest.title()).add("kind", contest.kind().name())
                .add("rules", ContestRulesJson.write(contest.rules()))
                .add("boards", boards).add("questions", questions)
                .build().toString();
    }

    static PublishedContest read(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        List<PublishedContest.Board> boards = new ArrayList<>();
        for (JsonValue b : json.getJsonArray("boards")) {
            JsonObject board = b.asJsonObject();
            List<PublishedContest.Pool> pools = new ArrayList<>();
            for (JsonValue p : board.getJsonArray("pools")) {
                JsonObject pool = p.asJsonObject();
                pools.add(new PublishedContest.Pool(pool.getJsonArray("questions").getValuesAs(
                        (jakarta.json.JsonNumber n) -> n.longValue()), pool.getInt("count")));
            }
            boards.add(new PublishedContest.Board(board.getString("code"), board.getString("name"), pools));
        }
        Map<Long, PublishedContest.Question> questions = new HashMap<>();
        for (JsonValue v : json.getJsonArray("questions")) {
            JsonObject q = v.asJsonObject();
            questions.put(q.getJsonNumber("id").longValue(), new PublishedContest.Question(q.getJsonNumber("id").longValue(),
                    q.getInt("revision"), q.getString("topic"), q.getString("stem"),
                    q.getJsonArray("options").getValuesAs((jakarta.json.JsonString s) -> s.getString()),
                    q.getInt("correct"), q.getString("explanation", null)));
        }
        ContestRules rules = ContestRulesJson.read(json.getJsonObject("rules"), ContestRules.certificationDefaults());
        return new PublishedContest(json.getJsonNumber("contestId").longValue(), json.getInt("version"),
                json.getString("code"), json.getString("title"), ContestKind.valueOf(json.getString("kind")),
                rules, boards, questions);
    }
}
