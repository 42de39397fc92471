package org.examcert.console;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.testing.Api;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing question banks at the console in each format: a good file is validated, counted, then
 * saved; a broken one is refused with the row or line of every error, and nothing is saved.
 */
@ExamcertIT
class BankImportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private static byte[] resource(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/imports", name));
    }

    private static String importPath(String format, String bank, boolean dryRun) {
        return "api/console/banks/import?format=" + format + "&bank=" + bank + "&dryRun=" + dryRun
                + "&title=" + URLEncoder.encode("Ngân hàng nhập thử", StandardCharsets.UTF_8)
                + "&topic=" + URLEncoder.encode("Kiến thức chung", StandardCharsets.UTF_8) + "&difficulty=medium";
    }

    private static boolean bankExists(Api api, String code) {
        return api.get("api/console/banks").expect(200).array().stream()
                .anyMatch(b -> b.asJsonObject().getString("code").equals(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gift,good.gift,5", "aiken,good.aiken.txt,3"})
    void aGoodTextFileIsCountedFirstThenSaved(String format, String file, int questions) throws IOException {
        Api api = new Organizer(base).api();
        String bank = "nhap-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject dryRun = api.upload(importPath(format, bank, true), resource(file)).expect(200).json();
        assertEquals(questions, dryRun.getInt("added"));
        assertEquals(false, dryRun.getBoolean("saved"));
        assertTrue(!bankExists(api, bank), "a dry run saves nothing");

        JsonObject saved = api.upload(importPath(format, bank, false), resource(file)).expect(200).json();
        assertEquals(questions, saved.getInt("added"));
        assertEquals(questions, api.get("api/console/banks/" + bank + "/questions").expect(200).json().getInt("total"));
        JsonObject again = api.upload(importPath(format, bank, true), resource(file)).expect(200).json();
        assertEquals(List.of(0, questions), List.of(again.getInt("added"), again.getInt("unchanged")), "re-importing changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gift|broken.gift|line 4,line 6,line 8,line 10",
            "aiken|broken.aiken.txt|line 3,line 9,line 11,line 15,line 19"})
    void aBrokenTextFileNamesEveryLineAndSavesNothing(String format, String file, String lines) throws IOException {
        Api api = new Organizer(base).api();
        String bank = "hong-" + UUID.randomUUID().toString().substring(0, 8);
        for (boolean dryRun : new boolean[]{true, false}) {
            Api.Reply refused = api.upload(importPath(format, bank, dryRun), resource(file)).expect(422);
            assertEquals("bank.import-invalid", refused.problemCode());
            assertEquals(List.of(lines.split(",")), fields(refused.json()));
        }
        assertTrue(!bankExists(api, bank), "nothing saved");
    }

    @Test
    void theRepositoryFormatGoodAndBroken() {
        Api api = new Organizer(base).api();
        String bank = "kho-" + UUID.randomUUID().toString().substring(0, 8);
        String good = "bank: " + bank + "\ntitle: Kho thử\n\n@ q1\ntopic: Lịch sử Đoàn\ndifficulty: easy\n"
                + "Q: Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập năm nào?\n- 1930\n* 1931\n- 1945\n";
        JsonObject saved = api.upload("api/console/banks/import?format=bank&dryRun=false", good.getBytes(StandardCharsets.UTF_8))
                .expect(200).json();
        assertEquals(1, saved.getInt("added"));
        String broken = "bank: " + bank + "-b\ntitle: Kho hỏng\n\n@ q1\ntopic: Lịch sử Đoàn\ndifficulty: very-hard\n"
                + "Q: Câu hỏi?\n- một\n- hai\n";
        Api.Reply refused = api.upload("api/console/banks/import?format=bank&dryRun=false", broken.getBytes(StandardCharsets.UTF_8)).expect(422);
        List<String> places = fields(refused.json());
        assertTrue(places.contains("line 6"), "the bad difficulty is named at its line: " + refused.body());
        assertTrue(!bankExists(api, bank + "-b"));
    }

    @Test
    void anXlsxBankRoundTripsAndABrokenRowIsNamed() throws IOException {
        Api api = new Organizer(base).api();
        String bank = "xlsx-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] template = api.bytes("api/console/banks/template.xlsx", 200);
        JsonObject fromTemplate = api.upload(importPath("xlsx", bank, false), template).expect(200).json();
        int questions = fromTemplate.getInt("added");
        assertTrue(questions >= 2, "the template's example rows import as they are: " + fromTemplate);

        byte[] exported = api.bytes("api/console/banks/" + bank + "/export.xlsx", 200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(questions, sheet.getLastRowNum(), "a header row then one row per question");
            assertEquals("Mã câu hỏi", sheet.getRow(0).getCell(0).getStringCellValue());
        }
        JsonObject reimport = api.upload(importPath("xlsx", bank, true), exported).expect(200).json();
        assertEquals(questions, reimport.getInt("unchanged"), "the export imports back unchanged: " + reimport);

        byte[] broken;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row second = workbook.getSheetAt(0).getRow(2);
            int answerColumn = column(workbook.getSheetAt(0).getRow(0), "Đáp án đúng");
            second.getCell(answerColumn).setCellValue("Z");
            workbook.write(out);
            broken = out.toByteArray();
        }
        String other = bank + "-b";
        Api.Reply refused = api.upload(importPath("xlsx", other, false), broken).expect(422);
        assertTrue(fields(refused.json()).stream().allMatch(f -> f.startsWith("row 3")), refused.body());
        assertTrue(!bankExists(api, other));
        assertEquals(questions, api.get("api/console/banks/" + bank + "/questions").expect(200).json().getInt("total"),
                "the first bank is untouched");

        Api.Reply notXlsx = api.upload(importPath("xlsx", other, false), "không phải tệp xlsx".getBytes(StandardCharsets.UTF_8)).expect(422);
        assertEquals(List.of("file"), fields(notXlsx.json()));
    }

    @Test
    void emptyAndOversizedUploadsAreRefusedWithAReason() {
        Api api = new Organizer(base).api();
        assertEquals("upload.empty", api.upload(importPath("gift", "rong", false), new byte[0]).expect(400).problemCode());
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        assertEquals("upload.too-large", api.upload(importPath("gift", "qua-lon", false), tooLarge).expect(413).problemCode());
        assertEquals("upload.too-large", api.upload("api/console/units/import?dryRun=false", tooLarge).expect(413).problemCode());
        assertTrue(!bankExists(api, "qua-lon"));
    }

    @Test
    void giftFeedbackBecomesTheExplanationAndTheGiftExportImportsBackUnchanged() throws IOException {
        Api api = new Organizer(base).api();
        String bank = "gift-" + UUID.randomUUID().toString().substring(0, 8);
        api.upload(importPath("gift", bank, false), resource("good.gift")).expect(200);
        JsonObject founding = api.get("api/console/banks/" + bank + "/questions?q=" + URLEncoder.encode("được thành lập ngày nào",
                StandardCharsets.UTF_8)).expect(200).json().getJsonArray("items").getJsonObject(0);
        assertEquals("Chính xác!\nNgày 26/3/1931 được lấy làm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh.",
                founding.getString("explanation"), "the right answer's feedback and the general feedback are kept");

        byte[] exported = api.bytes("api/console/banks/" + bank + "/export.gift", 200);
        String gift = new String(exported, StandardCharsets.UTF_8);
        assertTrue(gift.contains("####Chính xác!\\nNgày 26/3/1931"), gift);
        assertTrue(gift.contains("Ngày thành lập Đoàn là ngày \\{19/5\\}\\: đúng hay sai?"), "escapes are written: " + gift);
        JsonObject reimport = api.upload(importPath("gift", bank, true), exported).expect(200).json();
        assertEquals(List.of(0, 0, 5), List.of(reimport.getInt("added"), reimport.getInt("revised"), reimport.getInt("unchanged")),
                "the export imports back unchanged, explanations included: " + reimport);
        assertEquals("text/plain;charset=utf-8", api.get("api/console/banks/" + bank + "/export.gift").expect(200)
                .contentType().replace(" ", "").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void anOrganizerSearchesAndEditsAQuestion() throws IOException {
        Api api = new Organizer(base).api();
        String bank = "sua-" + UUID.randomUUID().toString().substring(0, 8);
        api.upload(importPath("gift", bank, false), resource("good.gift")).expect(200);
        JsonObject found = api.get("api/console/banks/" + bank + "/questions?q=" + URLEncoder.encode("thành lập", StandardCharsets.UTF_8))
                .expect(200).json();
        assertTrue(found.getInt("total") >= 1);
        JsonObject question = found.getJsonArray("items").getJsonObject(0);
        long id = question.getJsonNumber("id").longValue();

        Api.Reply refused = api.put("api/console/banks/" + bank + "/questions/" + id,
                "{\"topic\":\"\",\"difficulty\":\"easy\",\"stem\":\"Câu?\",\"options\":[\"Một\"],\"correctOption\":3}").expect(400);
        assertEquals(List.of("topic", "options", "correctOption"), fields(refused.json()));

        JsonObject edited = api.put("api/console/banks/" + bank + "/questions/" + id,
                "{\"topic\":\"Lịch sử Đoàn\",\"difficulty\":\"hard\",\"stem\":\"Đoàn được thành lập vào ngày, tháng, năm nào?\","
                        + "\"options\":[\"26/3/1931\",\"19/5/1890\"],\"correctOption\":1}").expect(200).json();
        assertEquals("HARD", edited.getString("difficulty"));
        assertEquals(question.getInt("revision") + 1, edited.getInt("revision"));
    }

    private static int column(Row header, String name) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (header.getCell(c).getStringCellValue().startsWith(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<String> fields(JsonObject problem) {
        JsonArray errors = problem.getJsonArray("errors");
        return errors.stream().map(JsonValue::asJsonObject).map(e -> e.getString("field")).distinct().toList();
    }
}
