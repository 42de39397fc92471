package org.examcert.console;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.testing.Api;
import org.examcert.testing.Banks;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the board follows: units and the per-unit report, the dashboard, rankings, exports, the audit log. */
@ExamcertIT
class ContestReportsIT {

    private static final Papers PAPERS = new Papers(new Banks());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private long tenQuestionContest(Organizer organizer, String tieBreakQuestion) {
        Organizer.ContestBuilder contest = organizer.contest().rule("questionsPerAttempt", 10)
                .rule("pointsPerQuestion", BigDecimal.valueOf(3)).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10);
        if (tieBreakQuestion != null) {
            contest.rule("tieBreakQuestion", tieBreakQuestion);
        }
        return contest.published();
    }

    /** Takes one attempt with {@code right} of 10 correct (3 points each). */
    private static void attempt(Api candidate, long contest, int right) {
        JsonObject paper = Papers.start(candidate, contest);
        PAPERS.answer(candidate, paper, right);
        Papers.submit(candidate, paper);
    }

    private static byte[] unitWorkbook(String[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Đơn vị");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Mã đơn vị");
            header.createCell(1).setCellValue("Tên đơn vị");
            header.createCell(2).setCellValue("Số đoàn viên");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
                if (rows[r][2].matches("\\d+")) {
                    row.createCell(2).setCellValue(Integer.parseInt(rows[r][2]));
                } else {
                    row.createCell(2).setCellValue(rows[r][2]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void thePerUnitReportCountsKnownParticipation() throws IOException {
        Organizer organizer = new Organizer(base);
        Api api = organizer.api();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String health = "Đoàn Thanh niên Sở Y tế " + tag;
        String school = "Đoàn trường THPT Trà Vinh " + tag;

        byte[] broken = unitWorkbook(new String[][]{{"SYT" + tag, health, "4"}, {"THPT" + tag, "", "-2"}});
        Api.Reply refused = api.upload("api/console/units/import?dryRun=false", broken).expect(422);
        assertEquals("unit.import-invalid", refused.problemCode());
        assertTrue(refused.json().getJsonArray("errors").stream().allMatch(e -> e.asJsonObject().getString("field").startsWith("row 3")),
                refused.body());
        assertTrue(api.get("api/console/units").expect(200).array().stream()
                .noneMatch(u -> u.asJsonObject().getString("code").equals("SYT" + tag)), "nothing saved");

        byte[] good = unitWorkbook(new String[][]{{"SYT" + tag, health, "4"}, {"THPT" + tag, school, "2"}});
        JsonObject imported = api.upload("api/console/units/import?dryRun=false", good).expect(200).json();
        assertEquals(2, imported.getInt("added"));
        byte[] exported = api.bytes("api/console/units/export.xlsx", 200);
        JsonObject reimported = api.upload("api/console/units/import?dryRun=true", exported).expect(200).json();
        assertEquals(List.of(0, 0), List.of(reimported.getInt("added"), reimported.getInt("updated")), "the export imports back unchanged");
        assertTrue(new Api(base).get("api/units").expect(200).array().stream()
                .anyMatch(u -> u.asJsonObject().getString("name").equals(health)), "registration suggests the imported units");

        long contest = tenQuestionContest(organizer, null);
        // Sở Y tế: 3 registered (typed differently), 2 take part, 1 completes (one fails); THPT: 1 of 2 completes
        attempt(new CandidateBuilder(base).unit(health.toUpperCase(java.util.Locale.ROOT)).register(), contest, 10);
        attempt(new CandidateBuilder(base).unit("  " + health + " ").register(), contest, 4);
        new CandidateBuilder(base).unit(health).register();
        attempt(new CandidateBuilder(base).unit(school).register(), contest, 9);

        JsonObject dashboard = api.get("api/console/contests/" + contest + "/dashboard").expect(200).json();
        Map<String, JsonObject> units = new HashMap<>();
        dashboard.getJsonArray("units").forEach(u -> units.put(u.asJsonObject().getString("code"), u.asJsonObject()));
        JsonObject syt = units.get("SYT" + tag);
        assertEquals(List.of(4, 3, 2, 1), List.of(syt.getInt("expected"), syt.getInt("registered"), syt.getInt("tookPart"), syt.getInt("completed")));
        assertEquals(0.5, syt.getJsonNumber("participationRate").doubleValue(), 1e-9);
        assertEquals(0.25, syt.getJsonNumber("completionRate").doubleValue(), 1e-9);
        assertEquals(1, syt.getJsonObject("bands").getInt("XUAT_SAC"));
        assertEquals(1, syt.getJsonObject("bands").getInt("KHONG_DAT"));
        JsonObject thpt = units.get("THPT" + tag);
        assertEquals(List.of(1, 1, 1), List.of(thpt.getInt("registered"), thpt.getInt("tookPart"), thpt.getInt("completed")));
        assertEquals(3, dashboard.getJsonObject("totals").getInt("candidates"));
        List<JsonObject> questions = dashboard.getJsonArray("questions").getValuesAs(JsonObject.class);
        assertEquals(30, questions.stream().mapToInt(q -> q.getInt("shown")).sum(), "three papers of ten questions");
        assertEquals(10 + 4 + 9, questions.stream().mapToInt(q -> q.getInt("correct")).sum());
        assertTrue(questions.stream().noneMatch(q -> q.containsKey("discrimination")), "under ten attempts: no discrimination (JSON-B leaves out nulls)");
        assertEquals(2, dashboard.getJsonObject("totals").getInt("completed"));

        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(
                api.bytes("api/console/contests/" + contest + "/units-report.xlsx", 200)))) {
            Map<String, List<String>> rows = rowsByFirstCell(report.getSheetAt(0));
            assertEquals(List.of("SYT" + tag, health, "4", "3", "2", "1", "50", "25"), rows.get("SYT" + tag).subList(0, 8));
            assertEquals(List.of("THPT" + tag, school, "2", "1", "1", "1", "50", "50"), rows.get("THPT" + tag).subList(0, 8));
        }
    }

    @Test
    void questionStatisticsCompareTheTopAndBottomGroupsFromTenAttempts() {
        Organizer organizer = new Organizer(base);
        long contest = tenQuestionContest(organizer, null);
        for (int right = 0; right < 10; right++) {
            attempt(new CandidateBuilder(base).register(), contest, right);
        }
        List<JsonObject> questions = organizer.api().get("api/console/contests/" + contest + "/dashboard").expect(200).json()
                .getJsonArray("questions").getValuesAs(JsonObject.class);
        assertEquals(100, questions.stream().mapToInt(q -> q.getInt("shown")).sum());
        assertEquals(45, questions.stream().mapToInt(q -> q.getInt("correct")).sum(), "0 + 1 + … + 9 right answers");
        List<Double> discrimination = questions.stream().filter(q -> q.containsKey("discrimination"))
                .map(q -> q.getJsonNumber("discrimination").doubleValue()).toList();
        assertTrue(!discrimination.isEmpty(), "questions seen by both the bottom and the top three have a discrimination");
        assertTrue(discrimination.stream().allMatch(d -> d >= -1 && d <= 1), discrimination.toString());
        List<Double> shares = questions.stream().map(q -> q.getJsonNumber("shareCorrect").doubleValue()).toList();
        assertEquals(shares.stream().sorted().toList(), shares, "worst share correct first");
    }

    @Test
    void rankingsBreakTiesByDurationAndExportsHoldEveryCandidate() throws IOException {
        Organizer organizer = new Organizer(base);
        Api api = organizer.api();
        long contest = tenQuestionContest(organizer, "Có bao nhiêu thí sinh đạt điểm tối đa?");
        Api slow = new CandidateBuilder(base).named("Lê Văn Chậm").register();
        Api quick = new CandidateBuilder(base).named("Phạm Thị Nhanh").register();
        Api lower = new CandidateBuilder(base).named("Đỗ Văn Thấp").register();
        // slow starts first and submits last: same score as quick, longer duration
        JsonObject slowPaper = Papers.start(slow, contest);
        JsonObject quickPaper = Papers.start(quick, contest);
        PAPERS.answer(slow, slowPaper, 10);
        PAPERS.answer(quick, quickPaper, 10);
        quick.post("api/attempts/" + quickPaper.getJsonNumber("attemptId") + "/submit", "{\"prediction\": 2}").expect(200);
        JsonObject slowResult = slow.post("api/attempts/" + slowPaper.getJsonNumber("attemptId") + "/submit", "{\"prediction\": 7}")
                .expect(200).json();
        assertEquals(7, slowResult.getInt("prediction"));
        attempt(lower, contest, 8);
        JsonArray ranking = api.get("api/console/contests/" + contest + "/rankings?board=SINH_VIEN").expect(200).array();
        List<String> names = ranking.stream().map(r -> r.asJsonObject().getString("fullName")).toList();
        assertEquals(List.of("Phạm Thị Nhanh", "Lê Văn Chậm", "Đỗ Văn Thấp"), names);
        assertEquals(List.of(1, 2, 3), ranking.stream().map(r -> r.asJsonObject().getInt("rank")).toList());
        assertEquals(2, ranking.getJsonObject(0).getInt("prediction"));
        JsonArray top = api.get("api/console/contests/" + contest + "/rankings?board=SINH_VIEN&limit=1").expect(200).array();
        assertEquals(List.of("Phạm Thị Nhanh"), top.stream().map(r -> r.asJsonObject().getString("fullName")).toList());
        assertEquals(2, api.get("api/console/contests/" + contest + "/dashboard").expect(200).json().getInt("tieBreakTruth"),
                "two candidates reached the maximum");
        assertEquals("contest.board-not-found", api.get("api/console/contests/" + contest + "/rankings?board=KHONG_CO").expect(404).problemCode());

        try (XSSFWorkbook results = new XSSFWorkbook(new ByteArrayInputStream(api.bytes("api/console/contests/" + contest + "/results.xlsx", 200)))) {
            Map<String, List<String>> rows = rowsByFirstCell(results.getSheetAt(0));
            assertEquals(4, rows.size(), "a header and one row per candidate: " + rows.keySet());
            List<String> quickRow = rows.get("Phạm Thị Nhanh");
            assertEquals(List.of("Bảng sinh viên", "Đoàn trường Đại học Trà Vinh", "1", "30", "30", "Xuất sắc", "Hoàn thành"),
                    quickRow.subList(3, 10));
            assertEquals("Khá", rows.get("Đỗ Văn Thấp").get(8));
            assertEquals(List.of("1", "2", "3"), List.of(quickRow.get(14), rows.get("Lê Văn Chậm").get(14), rows.get("Đỗ Văn Thấp").get(14)),
                    "the rank within the board, as the rankings give it");
        }
        String csv = new String(api.bytes("api/console/contests/" + contest + "/results.csv", 200), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFHọ và tên,"), "UTF-8 with a byte-order mark for Excel");
        assertEquals(4, csv.strip().split("\r\n").length);
        assertTrue(csv.contains("Lê Văn Chậm"));

        // a prediction out of range is refused and the attempt stays open
        Api late = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(late, contest);
        String submit = "api/attempts/" + paper.getJsonNumber("attemptId") + "/submit";
        assertEquals("attempt.prediction-invalid", late.post(submit, "{\"prediction\": -1}").expect(400).problemCode());
        assertEquals("IN_PROGRESS", late.get("api/attempts/" + paper.getJsonNumber("attemptId")).expect(200).json().getString("state"));
    }

    @Test
    void organizerActionsAreInTheAuditLogWithBeforeAndAfter() throws IOException {
        Organizer organizer = new Organizer(base);
        Api api = organizer.api();
        long contest = organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).draft();
        api.put("api/console/contests/" + contest, Json.createObjectBuilder().add("title", "Tên mới của cuộc thi").build()).expect(200);
        // a refused edit leaves no entry
        api.put("api/console/contests/" + contest, Json.createObjectBuilder().add("rules",
                Json.createObjectBuilder().add("questionsPerAttempt", 0)).build()).expect(400);
        api.post("api/console/contests/" + contest + "/publish", "{}").expect(200);

        String code = api.get("api/console/contests/" + contest).json().getString("code");
        JsonObject found = api.get("api/console/audit-log?q=" + code).expect(200).json();
        List<JsonObject> entries = found.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(4, found.getInt("total"), "the filter finds this contest's entries only: " + found);
        assertTrue(entries.stream().allMatch(e -> e.getString("target").equals("contest:" + code)));
        assertEquals(1, api.get("api/console/audit-log?action=contest.edit&q=" + code).expect(200).json().getInt("total"));
        assertEquals(List.of("contest.publish", "contest.edit", "contest.define-board", "contest.create"),
                entries.stream().map(e -> e.getString("action")).toList());
        JsonObject edit = entries.get(1);
        assertTrue(edit.getJsonObject("before").getString("title").startsWith("Cuộc thi thử nghiệm"));
        assertEquals("Tên mới của cuộc thi", edit.getJsonObject("after").getString("title"));
        assertEquals(Organizer.EMAIL, edit.getString("staffEmail"));
        assertEquals("PUBLISHED", entries.get(0).getJsonObject("after").getString("state"));

        try (XSSFWorkbook log = new XSSFWorkbook(new ByteArrayInputStream(api.bytes("api/console/audit-log/export.xlsx", 200)))) {
            Sheet sheet = log.getSheetAt(0);
            assertEquals("Thao tác", sheet.getRow(0).getCell(3).getStringCellValue());
            assertTrue(sheet.getLastRowNum() >= 4);
        }
    }

    @Test
    void aContestIsPreviewedAndDuplicated() {
        Organizer organizer = new Organizer(base);
        Api api = organizer.api();
        JsonObject quizDefaults = api.get("api/console/contests/defaults?kind=STUDY_QUIZ").expect(200).json();
        assertEquals(List.of("CORRECT_ANSWERS", "NONE"), List.of(quizDefaults.getString("review"), quizDefaults.getString("certificates")));
        assertEquals("contest.kind-required", api.get("api/console/contests/defaults?kind=KHAC").expect(400).problemCode());

        long contest = organizer.contest().rule("questionsPerAttempt", 10).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).draft();
        JsonObject preview = api.get("api/console/contests/" + contest + "/boards/SINH_VIEN/preview?seed=42").expect(200).json();
        assertEquals(10, preview.getJsonArray("questions").size());
        assertEquals(preview, api.get("api/console/contests/" + contest + "/boards/SINH_VIEN/preview?seed=42").expect(200).json(),
                "the same seed draws the same paper");
        assertTrue(preview.getJsonArray("questions").getJsonObject(0).getInt("correctOption") >= 1);

        String code = "ban-sao-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject copy = api.post("api/console/contests/" + contest + "/duplicate", Json.createObjectBuilder().add("code", code)
                .add("title", "Cuộc thi năm sau").add("opensAt", "2027-03-01T00:00:00Z").add("closesAt", "2027-03-31T00:00:00Z").build())
                .expect(201).json();
        assertEquals("DRAFT", copy.getString("state"));
        assertEquals(10, copy.getJsonObject("rules").getInt("questionsPerAttempt"));
        assertEquals("SINH_VIEN", copy.getJsonArray("boards").getJsonObject(0).getString("code"));
        assertEquals("contest.code-taken", api.post("api/console/contests/" + contest + "/duplicate", Json.createObjectBuilder()
                .add("code", code).add("title", "Lần nữa").add("opensAt", "2027-03-01T00:00:00Z")
                .add("closesAt", "2027-03-31T00:00:00Z").build()).expect(409).problemCode());
    }

    private static Map<String, List<String>> rowsByFirstCell(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        Map<String, List<String>> rows = new HashMap<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            }
            rows.put(cells.get(0), cells);
        }
        return rows;
    }
}
