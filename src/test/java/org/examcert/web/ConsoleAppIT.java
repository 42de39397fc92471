package org.examcert.web;

import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.Banks;
import org.examcert.testing.Browser;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organizer console in a real browser: a contest from nothing to published, a bad bank file, a contest's dashboard. */
@ExamcertIT
class ConsoleAppIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path files;

    @Test
    void anOrganizerImportsABankCreatesAContestWithABoardAndPublishesIt() throws Exception {
        String bank = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        String contestCode = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        Path bankFile = files.resolve(bank + ".bank");
        Files.writeString(bankFile, bankFile(bank, 4), StandardCharsets.UTF_8);
        Organizer organizer = new Organizer(base);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            logIn(driver, wait);

            driver.get(base + "console/#/ngan-hang");
            WebElement file = wait.until(d -> d.findElement(By.cssSelector("#import [name=file]")));
            file.sendKeys(bankFile.toAbsolutePath().toString());
            // the format follows the file's extension
            wait.until(d -> "bank".equals(new Select(d.findElement(By.cssSelector("#import [name=format]"))).getFirstSelectedOption().getAttribute("value")));
            driver.findElement(By.id("check")).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.id("import-counts"))));
            assertEquals("4", driver.findElement(By.cssSelector("[data-count=added]")).getText(), "the dry run counts the new questions");
            assertEquals(0, bankQuestions(organizer, bank), "a dry run saves nothing");
            assertEquals(List.of(), browser.seriousViolations(), "bank import, checked");
            driver.findElement(By.id("commit")).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.cssSelector("#banks")).getText().contains(bank)));

            driver.get(base + "console/#/cuoc-thi/moi");
            wait.until(d -> d.findElement(By.id("contest-form")));
            // the form starts from the server's defaults for the kind, and follows a change of kind
            assertEquals("30", driver.findElement(By.cssSelector("#contest-form [name=timeLimitMinutes]")).getAttribute("value"));
            new Select(driver.findElement(By.cssSelector("#contest-form [name=kind]"))).selectByValue("STUDY_QUIZ");
            wait.until(d -> "15".equals(d.findElement(By.cssSelector("#contest-form [name=timeLimitMinutes]")).getAttribute("value")));
            new Select(driver.findElement(By.cssSelector("#contest-form [name=kind]"))).selectByValue("CERTIFICATION");
            wait.until(d -> "30".equals(d.findElement(By.cssSelector("#contest-form [name=timeLimitMinutes]")).getAttribute("value")));
            assertEquals(List.of(), browser.seriousViolations(), "contest form");
            type(driver, "#contest-form [name=code]", contestCode);
            type(driver, "#contest-form [name=title]", "Hội thi tìm hiểu Điều lệ Đoàn " + contestCode);
            setValue(driver, "#contest-form [name=opensAt]", LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString());
            setValue(driver, "#contest-form [name=closesAt]", LocalDateTime.now().plusDays(7).withSecond(0).withNano(0).toString());
            type(driver, "#contest-form [name=timeLimitMinutes]", "15");
            type(driver, "#contest-form [name=questionsPerAttempt]", "3");
            driver.findElement(By.cssSelector("#contest-form button[type=submit]")).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.id("add-board"))));
            long contest = Long.parseLong(driver.getCurrentUrl().replaceAll(".*#/cuoc-thi/(\\d+).*", "$1"));
            assertEquals(contestCode, organizer.api().get("api/console/contests/" + contest).expect(200).json().getString("code"));

            driver.findElement(By.id("add-board")).click();
            wait.until(d -> d.findElement(By.id("board-form")));
            type(driver, "#board-form [name=code]", "SINH_VIEN");
            type(driver, "#board-form [name=name]", "Bảng sinh viên");
            // the bank select is filled from GET /banks: the new bank is there
            new Select(driver.findElement(By.cssSelector("#board-form select[name=bank]"))).selectByValue(bank);
            type(driver, "#board-form [name=count]", "3");
            driver.findElement(By.cssSelector("#board-form button[type=submit]")).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.id("boards")).getText().contains("SINH_VIEN")));

            driver.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("confirm-yes"))).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.id("contest-state")).getText().equals("Đã công bố")));
            assertTrue(driver.findElement(By.id("action-result")).getText().startsWith("Đã công bố phiên bản 1"));
            assertTrue(driver.findElements(By.cssSelector("#add-board, [data-edit-board], [data-remove-board]")).isEmpty(),
                    "a published contest's boards are not offered for editing (the server would refuse)");

            JsonObject saved = organizer.api().get("api/console/contests/" + contest).expect(200).json();
            assertEquals("PUBLISHED", saved.getString("state"));
            assertEquals(900, saved.getJsonObject("rules").getInt("timeLimitSeconds"), "minutes in the form are seconds in the rules");
            assertEquals(bank, saved.getJsonArray("boards").getJsonObject(0).getJsonArray("draw").getJsonObject(0).getString("bank"));
            assertEquals(4, bankQuestions(organizer, bank));

            // the audit log, filtered to this contest, shows what was just done in the browser
            driver.get(base + "console/#/nhat-ky");
            WebElement search = wait.until(d -> d.findElement(By.cssSelector("#audit-filter [name=q]")));
            search.sendKeys(contestCode);
            driver.findElement(By.cssSelector("#audit-filter button[type=submit]")).click();
            explain(browser, () -> wait.until(d -> d.findElements(By.cssSelector("#audit tbody tr")).size() == 3));
            assertEquals(List.of("contest.publish", "contest.define-board", "contest.create"), driver.findElements(By.cssSelector("#audit tbody tr"))
                    .stream().map(r -> r.findElements(By.tagName("td")).get(2).getText()).toList());
            assertEquals(List.of(), browser.seriousViolations(), "audit log");

            // after publishing, the place and signatory printed on its certificates can still be set
            driver.get(base + "console/#/cuoc-thi/" + contest);
            wait.until(d -> d.findElement(By.id("signing")));
            type(driver, "#signing [name=certificatePlace]", "Hà Nội");
            type(driver, "#signing [name=signatoryTitle]", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN");
            type(driver, "#signing [name=signatoryName]", "Nguyễn 王 An");
            driver.findElement(By.cssSelector("#signing button[type=submit]")).click();
            WebElement nameError = driver.findElement(By.id(driver.findElement(By.cssSelector("#signing [name=signatoryName]"))
                    .getAttribute("aria-describedby").split(" ")[0]));
            explain(browser, () -> wait.until(d -> nameError.getText().contains("«王» (U+738B) không in được trên giấy chứng nhận")));
            assertEquals(List.of(), browser.seriousViolations(), "signing form with an error");
            type(driver, "#signing [name=signatoryName]", "Nguyễn Văn An");
            driver.findElement(By.cssSelector("#signing button[type=submit]")).click();
            explain(browser, () -> wait.until(d -> d.findElement(By.id("signing-result")).getText().equals("Đã lưu.")));
            JsonObject signed = organizer.api().get("api/console/contests/" + contest).expect(200).json();
            assertEquals(List.of("Hà Nội", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "Nguyễn Văn An"), List.of(signed.getString("certificatePlace"),
                    signed.getString("signatoryTitle"), signed.getString("signatoryName")));
            assertEquals("", nameError.getText(), "the error is gone once saved");
        }
    }

    @Test
    void aBrokenBankFileShowsItsErrorsByLineAndCreatesNoBank() throws Exception {
        String bank = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        Path bankFile = files.resolve(bank + ".bank");
        // line 10 is neither an option nor a key: the whole file must be refused
        List<String> lines = bankFile(bank, 2).lines().toList();
        List<String> broken = new java.util.ArrayList<>(lines.subList(0, 9));
        broken.add("Đây không phải một dòng hợp lệ");
        broken.addAll(lines.subList(9, lines.size()));
        Files.writeString(bankFile, String.join("\n", broken), StandardCharsets.UTF_8);
        Organizer organizer = new Organizer(base);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            logIn(driver, wait);
            driver.get(base + "console/#/ngan-hang");
            wait.until(d -> d.findElement(By.cssSelector("#import [name=file]"))).sendKeys(bankFile.toAbsolutePath().toString());
            driver.findElement(By.id("check")).click();
            WebElement errors = explain(browser, () -> wait.until(d -> d.findElement(By.cssSelector("table.errors"))));
            List<WebElement> places = errors.findElements(By.cssSelector("tbody tr td:first-child"));
            assertTrue(places.stream().anyMatch(p -> p.getText().matches(".*\\b10\\b.*")), "the error names line 10: " + errors.getText());
            assertFalse(driver.findElement(By.id("commit")).isDisplayed(), "a refused file cannot be saved");
            assertEquals(List.of(), browser.seriousViolations(), "bank import with errors");
        }
        assertFalse(organizer.api().get("api/console/banks").expect(200).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(b -> b.getString("code").equals(bank)), "nothing was saved");
    }

    @Test
    void theDashboardOfAContestCandidatesTookShowsTheServersTotalsAndCharts() throws Exception {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 20)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 20).published();
        Papers papers = new Papers(new Banks());
        // three submitted (two pass, one fails) and one still writing
        for (int right : new int[] {18, 16, 5}) {
            Api candidate = new CandidateBuilder(base).unit("Đoàn trường Đại học Trà Vinh").register();
            JsonObject paper = Papers.start(candidate, contest);
            papers.answer(candidate, paper, right);
            Papers.submit(candidate, paper);
        }
        Papers.start(new CandidateBuilder(base).unit("Đoàn phường 1").register(), contest);
        JsonObject totals = organizer.api().get("api/console/contests/" + contest + "/dashboard").expect(200).json().getJsonObject("totals");
        assertEquals(4, totals.getInt("candidates"));
        assertEquals(4, totals.getInt("attempts"));
        assertEquals(1, totals.getInt("inProgress"));

        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            logIn(driver, wait);

            driver.get(base + "console/#/cuoc-thi/" + contest + "/theo-doi");
            explain(browser, () -> wait.until(d -> d.findElement(By.id("bands-chart")).isDisplayed() && d.findElement(By.id("timeline-chart")).isDisplayed()));
            for (String key : List.of("candidates", "attempts", "inProgress", "completed", "certificates")) {
                assertEquals(String.valueOf(totals.getInt(key)), driver.findElement(By.cssSelector("[data-total=" + key + "] .n")).getText(), key);
            }
            // the chart draws one bar per band, and its text equivalent carries the same numbers
            assertEquals(driver.findElements(By.cssSelector("#bands-chart rect.bar")).size(),
                    driver.findElements(By.cssSelector("#bands-chart + table tbody tr")).size());
            assertFalse(driver.findElements(By.cssSelector("#question-stats tbody tr")).isEmpty(), "per-question statistics");
            assertEquals(List.of(), browser.seriousViolations(), "dashboard");
            browser.screenshot("console-dashboard");

            // the same contest seen from its rankings and certificates
            int ranked = organizer.api().get("api/console/contests/" + contest + "/rankings?board=SINH_VIEN").expect(200).array().size();
            assertTrue(ranked >= 3, "the three who submitted are ranked");
            driver.get(base + "console/#/cuoc-thi/" + contest + "/xep-hang/SINH_VIEN");
            explain(browser, () -> wait.until(d -> d.findElements(By.cssSelector("#rankings tbody tr")).size() == ranked));
            assertEquals(List.of(), browser.seriousViolations(), "rankings");
            int certificates = organizer.api().get("api/console/certificates?contest=" + contest).expect(200).array().size();
            assertEquals(totals.getInt("certificates"), certificates);
            assertTrue(certificates > 0, "the two who passed have certificates to re-issue");
            driver.get(base + "console/#/cuoc-thi/" + contest + "/chung-nhan");
            explain(browser, () -> wait.until(d -> d.findElements(By.cssSelector("#certificates tbody tr")).size() == certificates));
            assertEquals(List.of(), browser.seriousViolations(), "certificates");
            driver.findElement(By.id("reissue")).click();
            wait.until(d -> d.findElement(By.id("confirm-yes"))).click();
            // the progress bar follows the batch until every mail is sent
            explain(browser, () -> wait.until(d -> {
                WebElement progress = d.findElement(By.id("batch-progress"));
                return progress.getAttribute("max").equals(String.valueOf(certificates)) && progress.getAttribute("value").equals(progress.getAttribute("max"));
            }));
            // a certificate's mails: the first one and the re-issue, both delivered
            driver.findElement(By.cssSelector("[data-mails]")).click();
            explain(browser, () -> wait.until(d -> d.findElements(By.cssSelector("#mail-list tbody tr")).size() == 2));
            assertTrue(driver.findElements(By.cssSelector("#mail-list tbody tr")).stream().allMatch(r -> r.getText().contains("Đã gửi")),
                    driver.findElement(By.id("mail-list")).getText());
            assertEquals(List.of(), browser.seriousViolations(), "certificate mails");

            driver.get(base + "console/#/cuoc-thi/" + contest);
            wait.until(d -> d.findElement(By.id("boards")).getText().contains("SINH_VIEN"));
            assertEquals("Đã công bố", driver.findElement(By.id("contest-state")).getText());
            assertEquals(List.of(), browser.seriousViolations(), "contest page");
            browser.screenshot("console-contest");

            driver.get(base + "console/#/cuoc-thi");
            wait.until(d -> d.findElement(By.id("contests")).getText().contains(String.valueOf(organizer.api()
                    .get("api/console/contests/" + contest).json().getString("code"))));
            assertEquals(List.of(), browser.seriousViolations(), "contest list");

            driver.get(base + "console/#/ngan-hang");
            wait.until(d -> d.findElement(By.id("banks")).getText().contains("sinh-vien"));
            assertEquals(List.of(), browser.seriousViolations(), "banks");
            browser.screenshot("console-banks");
        }
    }

    private void logIn(ChromeDriver driver, WebDriverWait wait) {
        driver.get(base + "console/");
        wait.until(d -> d.findElement(By.id("login")));
        type(driver, "#login [name=email]", Organizer.EMAIL);
        type(driver, "#login [name=password]", Organizer.PASSWORD);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("role")).getText().contains("Quản trị viên"));
    }

    /** Questions of a bank as the API counts them; 0 when there is no such bank. */
    private static int bankQuestions(Organizer organizer, String bank) {
        return organizer.api().get("api/console/banks").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("code").equals(bank)).mapToInt(b -> b.getInt("questions")).findFirst().orElse(0);
    }

    /** A valid .bank file with {@code questions} questions; lines 4–10 are the first question. */
    private static String bankFile(String code, int questions) {
        StringBuilder text = new StringBuilder("bank: " + code + "\ntitle: Điều lệ Đoàn (thử nghiệm " + code + ")\n\n");
        for (int i = 1; i <= questions; i++) {
            text.append("@ dl-").append(i).append('\n')
                    .append("topic: Điều lệ Đoàn\ndifficulty: easy\n")
                    .append("Q: Câu hỏi thử nghiệm số ").append(i).append(" của ").append(code).append("?\n")
                    .append("* Đáp án đúng ").append(i).append('\n')
                    .append("- Phương án sai A").append(i).append('\n')
                    .append("- Phương án sai B").append(i).append("\n\n");
        }
        return text.toString();
    }

    private static void type(ChromeDriver driver, String css, String text) {
        WebElement input = driver.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a date/time field as its picker does (typing into it depends on the browser's locale). */
    private static void setValue(ChromeDriver driver, String css, String value) {
        driver.executeScript("const f = document.querySelector(arguments[0]); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));", css, value);
    }

    /** Runs a wait; when it fails, the page's text and console go into the failure, and a screenshot is kept. */
    private static <T> T explain(Browser browser, java.util.function.Supplier<T> waiting) {
        try {
            return waiting.get();
        } catch (RuntimeException e) {
            browser.screenshot("console-failed");
            ChromeDriver driver = browser.driver();
            throw new AssertionError(driver.getCurrentUrl() + "\n" + driver.findElement(By.id("main")).getText() + "\n" + browser.console(), e);
        }
    }
}
