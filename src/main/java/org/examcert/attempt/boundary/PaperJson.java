package org.examcert.attempt.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.examcert.attempt.PaperView;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a paper ({@link PaperView}, alone or as a start's {@link StartResource.Resumed}) as a
 * stream, the same JSON JSON-B would write (nulls left out, instants in ISO-8601), at a fraction of
 * its cost: thirty questions at the opening minute, where JSON-B took about a seventh of a start's
 * CPU, reflecting over every record and hashing the whole paper at every level for its recursion
 * check. Every other type is JSON-B's.
 * <p>
 * One writer per type, not one {@code MessageBodyWriter<Object>}: Jersey prefers the writer whose
 * declared type is nearest the entity's, and between two {@code Object} writers it took JSON-B's,
 * so a single writer for both was never asked (seen in a profile of the start path).
 */
public final class PaperJson {

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private PaperJson() {
    }

    /** A paper alone: an attempt read, or submitted. */
    @Provider
    @Produces(MediaType.APPLICATION_JSON)
    public static class Papers implements MessageBodyWriter<PaperView> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == PaperView.class;
        }

        @Override
        public void writeTo(PaperView paper, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                write(json, paper);
            }
        }
    }

    /** A start's answer: the paper, and whether it was resumed or taken over from another device. */
    @Provider
    @Produces(MediaType.APPLICATION_JSON)
    public static class Starts implements MessageBodyWriter<StartResource.Resumed> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == StartResource.Resumed.class;
        }

        @Override
        public void writeTo(StartResource.Resumed start, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
            write(out, start);
        }
    }

    /** A start's answer, written to {@code out} (also by {@link StartRequests}, which serves starts outside JAX-RS). */
    static void write(OutputStream out, StartResource.Resumed start) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeKey("paper");
            write(json, start.paper());
            json.write("resumed", start.resumed());
            json.write("tookOver", start.tookOver());
            json.writeEnd();
        }
    }

    static void write(JsonGenerator json, PaperView paper) {
        json.writeStartObject();
        json.write("answeredCount", paper.answeredCount());
        json.write("attemptId", paper.attemptId());
        text(json, "board", paper.board());
        json.write("contestId", paper.contestId());
        text(json, "contestTitle", paper.contestTitle());
        instant(json, "deadline", paper.deadline());
        json.write("number", paper.number());
        if (paper.outcome() != null) {
            PaperView.Outcome o = paper.outcome();
            json.writeStartObject("outcome");
            text(json, "band", o.band());
            text(json, "bandLabel", o.bandLabel());
            number(json, "correctCount", o.correctCount());
            instant(json, "endedAt", o.endedAt());
            text(json, "endedBy", o.endedBy());
            decimal(json, "maxScore", o.maxScore());
            json.write("passed", o.passed());
            decimal(json, "score", o.score());
            json.writeEnd();
        }
        number(json, "prediction", paper.prediction());
        json.writeStartArray("questions");
        for (PaperView.Item item : paper.questions()) {
            json.writeStartObject();
            number(json, "chosen", item.chosen());
            if (item.correct() != null) {
                json.write("correct", item.correct());
            }
            number(json, "correctOption", item.correctOption());
            text(json, "explanation", item.explanation());
            json.writeStartArray("options");
            for (PaperView.Option option : item.options()) {
                json.writeStartObject();
                json.write("number", option.number());
                text(json, "text", option.text());
                json.writeEnd();
            }
            json.writeEnd();
            json.write("position", item.position());
            text(json, "stem", item.stem());
            text(json, "topic", item.topic());
            json.writeEnd();
        }
        json.writeEnd();
        json.write("remainingSeconds", paper.remainingSeconds());
        instant(json, "serverNow", paper.serverNow());
        instant(json, "startedAt", paper.startedAt());
        text(json, "state", paper.state() == null ? null : paper.state().name());
        text(json, "tieBreakQuestion", paper.tieBreakQuestion());
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void number(JsonGenerator json, String name, Integer value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void instant(JsonGenerator json, String name, Instant value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }
}
