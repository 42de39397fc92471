package org.examcert.web;

import jakarta.json.JsonObject;
import org.examcert.testing.Banks;
import org.examcert.testing.Browser;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.MailServerForTests.MailServer;
import org.examcert.testing.Organizer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A candidate in a real browser: register, start, answer, reload mid-exam, submit, see the band, get the mail. */
@ExamcertIT
class CandidateAppIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Banks banks = new Banks();

    @Test
    void onAPhoneACandidateRegistersTakesTheExamThroughAReloadAndGetsTheCertificate(MailServer mail) throws Exception {
        run(Browser.PHONE, "phone", mail);
    }

    @Test
    void onADesktopTheSameJourneyWorks(MailServer mail) throws Exception {
        run(Browser.DESKTOP, "desktop", mail);
    }

    private void run(Dimension size, String device, MailServer mail) throws Exception {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 20)
                .rule("tieBreakQuestion", "Có bao nhiêu thí sinh đạt điểm tuyệt đối?")
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 20).published();
        JsonObject form = new CandidateBuilder(base).named("Huỳnh Thị Ánh Tuyết").born(LocalDate.now().minusYears(20)).form();
        try (Browser browser = new Browser(size)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = Browser.waitFor(driver, 20);

            driver.get(base + "#/dang-ky");
            wait.until(d -> d.findElement(By.id("register")).isDisplayed());
            assertEquals(List.of(), browser.seriousViolations(), "register page");
            browser.screenshot(device + "-register");
            // a too-young birth date gets its Vietnamese message on the field
            type(driver, "fullName", form.getString("fullName"));
            setDate(driver, LocalDate.now().minusYears(15));
            type(driver, "email", form.getString("email"));
            type(driver, "phone", "0912345678");
            type(driver, "unit", "Đoàn trường Đại học Trà Vinh");
            new Select(driver.findElement(By.id("f-board"))).selectByValue("SINH_VIEN");
            type(driver, "password", "mat-khau-123");
            driver.findElement(By.cssSelector("#register button[type=submit]")).click();
            try {
                wait.until(d -> !d.findElement(By.id("e-birthDate")).getText().isEmpty());
            } catch (RuntimeException e) {
                browser.screenshot(device + "-failed");
                throw new AssertionError(driver.getCurrentUrl() + "\n" + driver.findElement(By.id("main")).getText() + "\n" + browser.console(), e);
            }
            assertTrue(driver.findElement(By.id("e-birthDate")).getText().contains("từ 16 đến 40 tuổi"));
            setDate(driver, LocalDate.now().minusYears(20));
            driver.findElement(By.cssSelector("#register button[type=submit]")).click();

            WebElement start = wait.until(d -> d.findElement(By.cssSelector("[data-start='" + contest + "']")));
            assertEquals(List.of(), browser.seriousViolations(), "contest list");
            browser.screenshot(device + "-contests");
            start.click();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            assertEquals(List.of(), browser.seriousViolations(), "exam page");

            // answer the first half, then reload: the same attempt resumes with every answer
            for (int i = 0; i < 10; i++) {
                answerShown(driver, true);
                driver.findElement(By.id("next")).click();
            }
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            browser.screenshot(device + "-exam");
            String attemptUrl = driver.getCurrentUrl();
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("question")).isDisplayed());
            assertEquals(attemptUrl, driver.getCurrentUrl());
            assertEquals(10, driver.findElements(By.cssSelector(".navigator button.answered")).size(), "answers survive the reload");

            // the rest: 6 right, 4 left unanswered; 16/20 out of 30 is 24, "Khá"
            driver.findElement(By.cssSelector("[data-go='10']")).click();
            for (int i = 10; i < 16; i++) {
                answerShown(driver, true);
                driver.findElement(By.id("next")).click();
            }
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Đã lưu"));
            driver.findElement(By.id("submit")).click();
            WebElement dialog = wait.until(d -> d.findElement(By.id("confirm")));
            assertTrue(dialog.getText().contains("Bạn còn 4 câu chưa trả lời."), dialog.getText());
            // the contest's prediction question is answered in the same dialog, for the rankings' last tie-break
            assertTrue(dialog.getText().contains("Có bao nhiêu thí sinh đạt điểm tuyệt đối?"), dialog.getText());
            driver.findElement(By.id("prediction")).sendKeys("12");
            assertEquals(List.of(), browser.seriousViolations(), "submit dialog");
            driver.findElement(By.id("confirm-yes")).click();

            WebElement band = wait.until(d -> d.findElement(By.id("band")));
            assertEquals("Khá", band.getText());
            assertEquals(12, organizer.api().get("api/console/contests/" + contest + "/rankings").expect(200).array()
                    .getJsonObject(0).getInt("prediction"), "the prediction is stored with the attempt");
            assertEquals("16/20", driver.findElement(By.id("score")).getText().replace(".0", "").replace(".00", ""));
            assertEquals(List.of(), browser.seriousViolations(), "result page");
            browser.screenshot(device + "-result");

            driver.get(base + "#/chung-nhan");
            wait.until(d -> d.findElement(By.cssSelector("main article")).getText().contains("Khá"));
            assertEquals(List.of(), browser.seriousViolations(), "certificates page");
            browser.screenshot(device + "-certificates");
        }
        for (int i = 0; i < 80 && mail.to(form.getString("email")).isEmpty(); i++) {
            Thread.sleep(250);
        }
        assertEquals(1, mail.to(form.getString("email")).size(), "the certificate mail arrives");
    }

    /** Chooses the correct (or a wrong) option of the question on screen. */
    private void answerShown(ChromeDriver driver, boolean right) {
        String legend = driver.findElement(By.cssSelector("#question legend")).getText();
        String stem = legend.substring(legend.indexOf(". ") + 2);
        List<WebElement> options = driver.findElements(By.cssSelector("#question label.option"));
        Set<String> texts = options.stream().map(WebElement::getText).map(String::strip).collect(Collectors.toSet());
        String correct = banks.correctText(stem, texts);
        for (WebElement option : options) {
            if (option.getText().strip().equals(correct) == right) {
                option.click();
                return;
            }
        }
        throw new AssertionError("no option to choose for: " + stem);
    }

    private static void type(ChromeDriver driver, String field, String text) {
        WebElement input = driver.findElement(By.id("f-" + field));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets the date field as a date picker does (typing depends on the browser's locale). */
    private static void setDate(ChromeDriver driver, LocalDate date) {
        driver.executeScript("const f = document.getElementById('f-birthDate'); f.value = arguments[0];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));", date.toString());
    }
}
