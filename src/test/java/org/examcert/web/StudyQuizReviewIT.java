package org.examcert.web;

import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.Browser;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study quiz in Chromium: the organizer imports a GIFT bank whose correct answers carry
 * feedback, the candidate takes the quiz, submits, and sees the result and the review (correct
 * answers, what they chose, the explanation) in Vietnamese; the review can be opened again later.
 */
@ExamcertIT
class StudyQuizReviewIT {

    /** Each question's stem and the text of its correct option, as in {@code imports/study-quiz.gift}. */
    private static final Map<String, String> CORRECT = Map.of(
            "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?", "2021",
            "Luật Thanh niên năm 2020 quy định thanh niên là công dân Việt Nam từ đủ bao nhiêu tuổi đến 30 tuổi?", "16 tuổi",
            "Ngày truyền thống của Hội Liên hiệp Thanh niên Việt Nam là ngày nào?", "15/10/1956",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh là thành viên của Mặt trận Tổ quốc Việt Nam.", "Đúng");
    /** The question answered wrong on purpose. */
    private static final String MISSED = "Luật Thanh niên năm 2020 quy định thanh niên là công dân Việt Nam từ đủ bao nhiêu tuổi đến 30 tuổi?";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void aCandidateSubmitsAStudyQuizAndSeesTheResultAndTheReviewWithExplanations() throws IOException {
        Organizer organizer = new Organizer(base);
        String bank = "hoc-tap-" + UUID.randomUUID().toString().substring(0, 8);
        organizer.api().upload("api/console/banks/import?format=gift&dryRun=false&bank=" + bank + "&title="
                        + URLEncoder.encode("Học tập Nghị quyết (thử)", StandardCharsets.UTF_8),
                Files.readAllBytes(Path.of("src/test/resources/imports/study-quiz.gift"))).expect(200);
        long quiz = organizer.contest().kind("STUDY_QUIZ").rule("questionsPerAttempt", 4)
                .board("SINH_VIEN", "Bảng sinh viên", bank, 4).published();
        JsonObject candidate = new CandidateBuilder(base).named("Trần Thị Mỹ Duyên").form();
        Api api = new CandidateBuilder(base).register(candidate);

        try (Browser browser = new Browser(Browser.PHONE)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            driver.get(base + "#/dang-nhap");
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            driver.findElement(By.id("f-email")).sendKeys(candidate.getString("email"));
            driver.findElement(By.id("f-password")).sendKeys("mat-khau-123");
            driver.findElement(By.cssSelector("#login button[type=submit]")).click();
            wait.until(d -> d.findElement(By.cssSelector("[data-start='" + quiz + "']"))).click();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());

            // three right, the Luật Thanh niên question wrong
            for (int i = 0; i < 4; i++) {
                String legend = driver.findElement(By.cssSelector("#question legend")).getText();
                String stem = legend.substring(legend.indexOf(". ") + 2);
                String correct = CORRECT.get(stem);
                assertTrue(correct != null, "an unexpected question: " + stem);
                boolean right = !stem.equals(MISSED);
                driver.findElements(By.cssSelector("#question label.option")).stream()
                        .filter(o -> o.getText().strip().equals(correct) == right).findFirst().orElseThrow().click();
                if (i < 3) {
                    driver.findElement(By.id("next")).click();
                }
            }
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
            driver.findElement(By.id("confirm-yes")).click();

            try {
                wait.until(d -> d.findElement(By.id("review")).isDisplayed());
            } catch (RuntimeException e) {
                browser.screenshot("study-quiz-failed");
                throw new AssertionError(driver.findElement(By.id("main")).getText() + "\n" + browser.console(), e);
            }
            String attemptUrl = driver.getCurrentUrl();
            assertResultAndReview(driver);
            assertEquals(List.of(), browser.seriousViolations(), "result and review");
            browser.screenshot("phone-study-quiz-review");

            // later, from the results page: the same review
            driver.get(base + "#/ket-qua/" + quiz);
            wait.until(d -> d.findElement(By.linkText("Xem lại bài"))).click();
            wait.until(d -> d.findElement(By.id("review")).isDisplayed());
            assertEquals(attemptUrl, driver.getCurrentUrl());
            assertResultAndReview(driver);
        }
        assertEquals(3, api.get("api/contests/" + quiz + "/result").expect(200).json().getJsonArray("attempts")
                .getJsonObject(0).getJsonNumber("score").bigDecimalValue().multiply(java.math.BigDecimal.valueOf(2)).intValue(),
                "the server counts what the page shows (3 × 0.5 points)");
    }

    private static void assertResultAndReview(ChromeDriver driver) {
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Kết quả:"), driver.findElement(By.tagName("h1")).getText());
        assertEquals("Khá", driver.findElement(By.id("band")).getText());
        assertEquals("3/4", driver.findElement(By.id("correct-count")).getText());
        assertEquals("Xem lại bài", driver.findElement(By.id("review-h")).getText());

        List<WebElement> questions = driver.findElements(By.cssSelector("#review .review-question"));
        assertEquals(4, questions.size());
        WebElement missed = questions.stream().filter(q -> q.findElement(By.tagName("h3")).getText().endsWith(MISSED))
                .findFirst().orElseThrow();
        assertEquals("Trả lời sai", missed.findElement(By.cssSelector(".verdict")).getText());
        assertEquals("16 tuổi (Đáp án đúng)", missed.findElement(By.cssSelector(".option.correct")).getText());
        assertTrue(missed.findElement(By.cssSelector(".option.wrong")).getText().endsWith("(Bạn chọn)"));
        String explanation = missed.findElement(By.cssSelector(".explanation")).getText();
        assertTrue(explanation.startsWith("Giải thích: Điều 1 Luật Thanh niên 2020: thanh niên là công dân Việt Nam từ đủ 16 tuổi"),
                explanation);
        assertTrue(explanation.contains("\nXem Luật Thanh niên số 57/2020/QH14."), "the general feedback on a line of its own: " + explanation);

        WebElement trueFalse = questions.stream().filter(q -> q.getText().contains("Mặt trận Tổ quốc Việt Nam."))
                .findFirst().orElseThrow();
        assertEquals("Trả lời đúng", trueFalse.findElement(By.cssSelector(".verdict")).getText());
        assertEquals("Đúng (Đáp án đúng, Bạn chọn)", trueFalse.findElement(By.cssSelector(".option.correct")).getText());
        assertTrue(trueFalse.findElement(By.cssSelector(".explanation")).getText()
                .contains("Đúng vậy: Đoàn là tổ chức thành viên của Mặt trận Tổ quốc Việt Nam."));
    }
}
