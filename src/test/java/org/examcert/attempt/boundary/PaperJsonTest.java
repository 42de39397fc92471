package org.examcert.attempt.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.PaperView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The paper writer must write exactly what JSON-B writes, for papers in progress and final ones. */
class PaperJsonTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T07:00:00.123Z");

    static Stream<Object> papers() {
        PaperView.Item open = new PaperView.Item(1, "Điều lệ Đoàn", "Đoàn TNCS Hồ Chí Minh được thành lập ngày nào?",
                List.of(new PaperView.Option(2, "26/3/1931"), new PaperView.Option(1, "\"Ngày\" 3/2/1930 \\ đầu")),
                null, null, null, null);
        PaperView.Item answered = new PaperView.Item(2, null, "Câu hỏi có chủ đề trống", List.of(new PaperView.Option(1, "Có"),
                new PaperView.Option(2, "Không")), 2, null, null, null);
        PaperView inProgress = new PaperView(17, 3, "Tìm hiểu Nghị quyết", "SINH_VIEN", 1, AttemptState.IN_PROGRESS, STARTED,
                STARTED.plusSeconds(1800), STARTED.plusMillis(4500), 1796, 1, List.of(open, answered), null, null, null);
        PaperView.Item reviewed = new PaperView.Item(1, "Lịch sử", "Câu hỏi", List.of(new PaperView.Option(1, "A"),
                new PaperView.Option(2, "B")), 1, Boolean.TRUE, 1, "Vì A.\nXem Điều 1.");
        PaperView.Item missed = new PaperView.Item(2, "Lịch sử", "Câu hỏi 2", List.of(new PaperView.Option(1, "A"),
                new PaperView.Option(2, "B")), null, Boolean.FALSE, 2, null);
        PaperView graded = new PaperView(18, 3, "Tìm hiểu", "HOC_SINH", 2, AttemptState.SUBMITTED, STARTED, STARTED.plusSeconds(600),
                STARTED.plusSeconds(300), 0, 1, List.of(reviewed, missed),
                new PaperView.Outcome(new BigDecimal("15.50"), new BigDecimal("30"), 1, "TRUNG_BINH", "Trung bình", true, "SUBMITTED",
                        STARTED.plusSeconds(300)),
                "Có bao nhiêu người dự thi?", 1234);
        return Stream.of(inProgress, graded, new StartResource.Resumed(inProgress, false, false),
                new StartResource.Resumed(graded, true, true));
    }

    @ParameterizedTest
    @MethodSource("papers")
    void writesWhatJsonBWrites(Object paper) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (paper instanceof StartResource.Resumed start) {
            new PaperJson.Starts().writeTo(start, paper.getClass(), paper.getClass(), null, null, null, out);
        } else {
            new PaperJson.Papers().writeTo((PaperView) paper, paper.getClass(), paper.getClass(), null, null, null, out);
        }
        String expected;
        try (var jsonb = JsonbBuilder.create()) {
            expected = jsonb.toJson(paper);
        }
        assertEquals(parse(expected), parse(out.toString(StandardCharsets.UTF_8)));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
