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
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exam page when things go wrong: no network, time running out, a second device, another language. */
@ExamcertIT
class ExamResilienceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    /** A registered candidate (through the API), logged in through the page, on the exam of a fresh contest. */
    private long examOpen(Browser browser, JsonObject candidate, long contest) {
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = Browser.waitFor(driver, 20);
        driver.get(base + "#/dang-nhap");
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        assertEquals(List.of(), browser.seriousViolations(), "login page");
        driver.findElement(By.id("f-email")).sendKeys(candidate.getString("email"));
        driver.findElement(By.id("f-password")).sendKeys("mat-khau-123");
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-start='" + contest + "']"))).click();
        wait.until(d -> d.findElement(By.id("question")).isDisplayed());
        return contest;
    }

    private static void choose(ChromeDriver driver, int optionIndex) {
        driver.findElements(By.cssSelector("#question label.option")).get(optionIndex).click();
    }

    private long tenQuestionContest() {
        return new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
    }

    /** The attempt on the exam page, from its address. */
    private static String attemptShown(ChromeDriver driver) {
        return driver.getCurrentUrl().replaceAll(".*#/thi/(\\d+).*", "$1");
    }

    private static void offline(ChromeDriver driver) {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
    }

    /** The positions of the questions answered on a paper, as its owner reads it. */
    private static List<Integer> answered(JsonObject paper) {
        return paper.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.containsKey("chosen") && !q.isNull("chosen")).map(q -> q.getInt("position")).toList();
    }

    @Test
    void answersGivenOfflineAreSentWhenTheConnectionReturns() {
        long contest = tenQuestionContest();
        JsonObject candidate = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(candidate);
        try (Browser browser = new Browser(Browser.PHONE)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            examOpen(browser, candidate, contest);
            offline(driver);
            for (int i = 0; i < 3; i++) {
                choose(driver, i % 2);
                driver.findElement(By.id("next")).click();
            }
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Mất kết nối – đang thử lại"));
            driver.deleteNetworkConditions();
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            assertEquals(3, driver.findElements(By.cssSelector(".navigator button.answered")).size(), "no answer lost");
        }
    }

    /** Every request takes 1.5 s more, so that an answer can be changed while its save is under way. */
    private static void slowNetwork(ChromeDriver driver) {
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofMillis(1500));
        driver.setNetworkConditions(slow);
    }

    @Test
    void anAnswerChangedWhileItsSaveIsUnderWayIsSavedAndTheAnswersQueuedBehindItAreNotLost() {
        long contest = tenQuestionContest();
        JsonObject candidate = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(candidate);
        try (Browser browser = new Browser(Browser.PHONE)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 30);
            examOpen(browser, candidate, contest);
            slowNetwork(driver);
            choose(driver, 0);                                   // question 1: its save leaves
            driver.findElement(By.id("next")).click();
            choose(driver, 0);                                   // question 2: queued behind it
            driver.findElement(By.id("prev")).click();
            choose(driver, 1);                                   // question 1 again, while its first save is under way
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            driver.deleteNetworkConditions();
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            assertEquals(2, driver.findElements(By.cssSelector(".navigator button.answered")).size(), "question 2 was not lost");
            assertTrue(driver.findElements(By.cssSelector("#question label.option input")).get(1).isSelected(),
                    "question 1 holds the answer given last");
        }
    }

    @Test
    void submittingWaitsUntilEveryAnswerIsSaved() {
        long contest = tenQuestionContest();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 30);
            examOpen(browser, form, contest);
            String attempt = attemptShown(driver);
            slowNetwork(driver);
            choose(driver, 0);
            driver.findElement(By.id("next")).click();
            choose(driver, 1);
            driver.findElement(By.id("next")).click();
            choose(driver, 2);
            driver.findElement(By.id("submit")).click();          // at once: two answers are still queued
            wait.until(d -> d.findElement(By.id("confirm-yes"))).click();
            wait.until(d -> d.findElement(By.id("band")));
            JsonObject paper = candidate.get("api/attempts/" + attempt).expect(200).json();
            assertEquals("SUBMITTED", paper.getString("state"));
            assertEquals(List.of(1, 2, 3), answered(paper), "every answer given before submitting counts");
        }
    }

    /** A queue left in this browser by another page can hold an answer this paper cannot take: it must not hold the rest back. */
    @Test
    void anAnswerThePaperCannotTakeIsLeftOutAndHoldsNoOtherBack() {
        long contest = tenQuestionContest();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 30);
            examOpen(browser, form, contest);
            String attempt = attemptShown(driver);
            // queued together: an answer to a question this paper does not have, and one it has
            driver.executeScript("localStorage.setItem(arguments[0], arguments[1])", "examcert.pending." + attempt,
                    "[{\"position\":99,\"option\":1,\"seq\":5},{\"position\":2,\"option\":1,\"seq\":6}]");
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            wait.until(d -> d.findElement(By.id("exam-alert")).getText().contains("không thuộc bài thi"));
            assertEquals(List.of(2), answered(candidate.get("api/attempts/" + attempt).expect(200).json()),
                    "the answer the paper has is saved");
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("confirm-yes"))).click();
            wait.until(d -> d.findElement(By.id("band")));
            assertEquals("SUBMITTED", candidate.get("api/attempts/" + attempt).expect(200).json().getString("state"));
        }
    }

    @Test
    void anAttemptWithAnswersNotYetSavedIsNotSubmittedWhileOffline() {
        long contest = tenQuestionContest();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        try (Browser browser = new Browser(Browser.PHONE)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 30);
            examOpen(browser, form, contest);
            String attempt = attemptShown(driver);
            offline(driver);
            choose(driver, 0);
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("confirm-yes"))).click();
            WebElement told = wait.until(d -> d.findElement(By.cssSelector("#exam-alert .alert")));
            assertTrue(told.getText().contains("bài chưa được nộp"), told.getText());
            driver.deleteNetworkConditions();
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            JsonObject paper = candidate.get("api/attempts/" + attempt).expect(200).json();
            assertEquals("IN_PROGRESS", paper.getString("state"), "not submitted without its answer");
            assertEquals(1, answered(paper).size(), "the answer given offline is saved");
        }
    }

    @Test
    void whenTimeRunsOutTheAttemptIsSubmittedAndTheCandidateIsToldWhy() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10).rule("timeLimitSeconds", 6)
                .rule("graceSeconds", 2).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        JsonObject candidate = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(candidate);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            examOpen(browser, candidate, contest);
            choose(driver, 0);
            WebElement alert = Browser.waitFor(driver, 30)
                    .until(d -> d.findElement(By.cssSelector(".alert.warn[role=alert]")));
            assertTrue(alert.getText().contains("Đã hết giờ làm bài"), alert.getText());
            assertTrue(driver.findElement(By.id("band")).getText().length() > 0);
        }
    }

    @Test
    void aSecondDeviceTakesTheAttemptOverAndTheFirstIsTold() {
        long contest = tenQuestionContest();
        JsonObject candidate = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(candidate);
        try (Browser phone = new Browser(Browser.PHONE); Browser laptop = new Browser(Browser.DESKTOP)) {
            examOpen(phone, candidate, contest);
            choose(phone.driver(), 0);
            Browser.waitFor(phone.driver(), 20)
                    .until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            examOpen(laptop, candidate, contest);
            assertEquals(1, laptop.driver().findElements(By.cssSelector(".navigator button.answered")).size(),
                    "the laptop resumes the phone's attempt with its answer");
            phone.driver().findElement(By.id("next")).click();
            choose(phone.driver(), 1);
            WebElement told = Browser.waitFor(phone.driver(), 20)
                    .until(d -> d.findElement(By.cssSelector("#exam-alert .alert")));
            assertTrue(told.getText().contains("thiết bị khác"), told.getText());
        }
    }

    @Test
    void theAppSpeaksEnglishOnRequest() {
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);
            driver.get(base + "#/");
            wait.until(d -> d.findElement(By.cssSelector("main h1")).getText().equals("Cuộc thi"));
            driver.findElement(By.id("lang")).click();
            wait.until(d -> d.findElement(By.cssSelector("main h1")).getText().equals("Contests"));
            assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals(List.of(), browser.seriousViolations(), "contest list in English");
        }
    }
}
