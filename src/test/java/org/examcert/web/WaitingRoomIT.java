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

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening minute in a real browser: a countdown on the server's clock that turns into the start
 * button without a reload, and the waiting room when the door is full. The door is filled honestly,
 * with the configured budget: another candidate's starts are held on a row lock in the database
 * (as slow starts would be), so every start permit is taken while the browser asks.
 */
@ExamcertIT
class WaitingRoomIT {

    private static final String PASSWORD = "mat-khau-123";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void aContestNotYetOpenCountsDownOnTheServersClockAndOpensWithoutAReload() {
        Instant opens = Instant.now().plusSeconds(8);
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .window(opens, opens.plus(Duration.ofDays(1)))
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        assertEquals("attempt.contest-not-open-yet",
                candidate.post("api/contests/" + contest + "/attempts", "{}").expect(409).problemCode());
        try (Browser browser = new Browser(Browser.PHONE)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 30);
            logIn(driver, wait, form.getString("email"));

            WebElement countdown = wait.until(d -> d.findElement(By.cssSelector("[data-opens][data-contest='" + contest + "']")));
            assertTrue(countdown.getText().matches("(?s).*Mở sau\\s+00:00:0\\d.*"), countdown.getText());
            assertEquals(List.of(), browser.seriousViolations(), "contest list with a countdown");
            browser.screenshot("phone-countdown");
            driver.executeScript("window.examcertSamePage = true;");

            WebElement start = wait.until(d -> d.findElement(By.cssSelector("[data-start='" + contest + "']")));
            assertTrue(Instant.now().isAfter(opens.minusMillis(500)), "the button appears at the opening, not before");
            assertEquals(Boolean.TRUE, driver.executeScript("return window.examcertSamePage === true;"), "no reload");
            start.click();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
        }
    }

    @Test
    void aFullDoorShowsTheWaitingRoomAndTheExamFollowsByItselfWithItsFullTime() throws Exception {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10).rule("timeLimitSeconds", 600)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        JsonObject blockerForm = new CandidateBuilder(base).form();
        Api blocker = new CandidateBuilder(base).register(blockerForm);
        String start = "api/contests/" + contest + "/attempts";

        try (Browser browser = new Browser(Browser.DESKTOP)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 60);
            logIn(driver, wait, form.getString("email"));
            WebElement button = wait.until(d -> d.findElement(By.cssSelector("[data-start='" + contest + "']")));

            ExecutorService tabs = Executors.newFixedThreadPool(40);
            List<Future<Api.Reply>> held = new ArrayList<>();
            try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port")
                    + "/examcert_it", "root", "examcert")) {
                db.setAutoCommit(false);
                lockCandidate(db, blockerForm.getString("email"));
                for (int i = 0; i < 40; i++) {
                    held.add(tabs.submit(() -> blocker.post(start, "{}")));
                }
                // the door is full once a start is refused: the others hold every permit, waiting for the lock
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (held.stream().noneMatch(f -> f.isDone() && status(f) == 503)) {
                    assertTrue(System.nanoTime() < deadline, "the door never filled up");
                    Thread.sleep(50);
                }
                Api.Reply refused = held.stream().filter(f -> f.isDone() && status(f) == 503).findFirst().orElseThrow().get();
                assertEquals("server.busy", refused.problemCode());
                assertTrue(refused.json().getString("title").startsWith("Đang xếp hàng vào phòng thi…"), refused.body());

                button.click();
                WebElement queue = wait.until(d -> {
                    WebElement q = d.findElement(By.id("queue"));
                    return q.isDisplayed() ? q : null;
                });
                assertTrue(queue.getText().matches("(?s)Đang xếp hàng vào phòng thi… \\(khoảng \\d+ giây\\).*"), queue.getText());
                assertEquals(List.of(), browser.seriousViolations(), "waiting room");
                browser.screenshot("desktop-waiting-room");
                Thread.sleep(2500);
                assertTrue(driver.findElement(By.id("queue")).isDisplayed(), "still waiting while the door is full");
                assertEquals(0, candidate.get("api/contests/" + contest + "/result").expect(200).json()
                        .getJsonArray("attempts").size(), "a refused start created nothing, so waiting costs no exam time");
                db.rollback();
            }
            try {
                for (Future<Api.Reply> f : held) {
                    int status = f.get(60, TimeUnit.SECONDS).status();
                    assertTrue(status == 200 || status == 201 || status == 503, "held starts end served or refused: " + status);
                }
            } finally {
                tabs.shutdownNow();
            }

            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            assertTrue(!driver.findElement(By.id("queue")).isDisplayed(), "the waiting room closes with the paper");
            String timer = wait.until(d -> {
                String text = d.findElement(By.id("timer")).getText();
                return text.contains(":") && !text.contains("-") ? text : null;
            });
            assertTrue(timer.matches("(10:00|09:[45]\\d)"), "the exam clock starts with the paper: " + timer);
        }
    }

    private void logIn(ChromeDriver driver, WebDriverWait wait, String email) {
        driver.get(base + "#/dang-nhap");
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("f-email")).sendKeys(email);
        driver.findElement(By.id("f-password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("logout")));
    }

    private static void lockCandidate(Connection db, String email) throws Exception {
        try (PreparedStatement lock = db.prepareStatement("SELECT id FROM candidate WHERE email = ? FOR UPDATE")) {
            lock.setString(1, email);
            try (ResultSet row = lock.executeQuery()) {
                assertTrue(row.next(), "the blocking candidate exists");
            }
        }
    }

    private static int status(Future<Api.Reply> reply) {
        try {
            return reply.get().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
