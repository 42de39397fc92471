package org.examcert.certificate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.examcert.testing.Api;
import org.examcert.testing.Banks;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.MailServerForTests.MailServer;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.examcert.testing.Pdfs;
import org.examcert.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A certificate can always be printed: forms refuse what its fonts cannot draw (naming the
 * character), and data stored before that still renders and is mailed; a mail to an address that
 * is not one is a dead letter at once, explained in plain words.
 */
@ExamcertIT
class CertificateGlyphIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Papers papers = new Papers(new Banks());

    record Refusal(String field, String value, String code, String mentions) {
    }

    @Test
    void registrationRefusesWhatTheCertificateCannotPrintNamingTheCharacter() {
        List<Refusal> table = List.of(
                new Refusal("fullName", "Vương 王 Minh", "text.not-printable", "王"),
                new Refusal("fullName", "Trần\rVăn An", "text.control-character", "U+000D"),
                new Refusal("fullName", "Lê \u202EThị Hoa", "text.control-character", "U+202E"),
                new Refusal("unit", "Đoàn trường 😀", "text.not-printable", "😀"),
                new Refusal("unit", "Chi đoàn A＝B", "text.not-printable", "＝"),
                new Refusal("unit", "Chi đoàn\tKhoa Luật", "text.control-character", "U+0009"),
                new Refusal("email", "<svg/onload=alert(1)>@example.org", "candidate.email-invalid", "@"),
                new Refusal("email", "\"quoted\"@example.org", "candidate.email-invalid", "@"),
                new Refusal("email", "a..b@example.org", "candidate.email-invalid", "@"));
        List<String> wrong = new ArrayList<>();
        for (Refusal row : table) {
            JsonObject form = Json.createObjectBuilder(new CandidateBuilder(base).form()).add(row.field(), row.value()).build();
            Api.Reply reply = new Api(base).post("api/candidates", form);
            JsonObject error = reply.status() == 400 ? reply.json().getJsonArray("errors").getJsonObject(0) : null;
            if (error == null || !error.getString("field").equals(row.field()) || !error.getString("code").equals(row.code())
                    || !error.getString("message").contains(row.mentions())) {
                wrong.add(row + " → " + reply.status() + " " + reply.body());
            }
            // nothing was created: the address cannot log in
            if (!row.field().equals("email") && new Api(base).post("api/session", Json.createObjectBuilder()
                    .add("email", form.getString("email")).add("password", form.getString("password")).build()).status() != 401) {
                wrong.add(row + " created a candidate");
            }
        }
        assertEquals(List.of(), wrong);

        var english = new Api(base).header("Accept-Language", "en").post("api/candidates",
                Json.createObjectBuilder(new CandidateBuilder(base).form()).add("fullName", "Vương 王 Minh").build()).expect(400);
        assertEquals("The character «王» (U+738B) cannot be printed on the certificate. Remove or replace it.",
                english.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void contestFormsRefuseTitlesAndBoardNamesTheCertificateCannotPrint() {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).draft();
        Api api = organizer.api();
        JsonObject before = api.get("api/console/contests/" + contest).expect(200).json();

        var title = api.put("api/console/contests/" + contest, Json.createObjectBuilder().add("title", "Cuộc thi\r\n2026").build()).expect(400);
        assertEquals("title", title.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("text.control-character", title.json().getJsonArray("errors").getJsonObject(0).getString("code"));

        var board = api.put("api/console/contests/" + contest + "/boards/SINH_VIEN", Json.createObjectBuilder()
                .add("name", "Bảng 王").add("draw", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("bank", "sinh-vien").add("count", 30))).build()).expect(400);
        assertTrue(board.json().getJsonArray("errors").getJsonObject(0).getString("message").contains("王"), board.body());

        var created = api.post("api/console/contests", Json.createObjectBuilder().add("code", "glyph-" + System.nanoTime())
                .add("title", "Tìm hiểu 😀").add("kind", "CERTIFICATION").build()).expect(400);
        assertEquals("text.not-printable", created.json().getJsonArray("errors").getJsonObject(0).getString("code"));

        JsonObject after = api.get("api/console/contests/" + contest).expect(200).json();
        assertEquals(before.getString("title"), after.getString("title"), "a refused edit changes nothing");
        assertEquals(before.getJsonArray("boards"), after.getJsonArray("boards"));
    }

    @Test
    void aCertificateStoredWithCharactersTheFontsLackStillRendersAndIsMailed(MailServer mail) throws Exception {
        long contest = new Organizer(base).contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        takeAttempt(candidate, contest, 20);
        String serial = candidate.get("api/certificates").expect(200).array().getJsonObject(0).getString("serial");
        mail.await(form.getString("email"), 1);

        // what an older version let through, as the probe found it
        assertEquals(1, Sql.update("UPDATE certificate SET full_name = ?, unit = ?, contest_title = ? WHERE serial = ?",
                "Vương 王 Minh 😀", "Chi đoàn A＝B", "Cuộc thi\r\nnăm 2026", serial));

        String text = Pdfs.text(candidate.bytes("api/certificates/" + serial + "/pdf", 200));
        assertTrue(text.contains("Vương ? Minh ?"), text);
        assertTrue(text.contains("Chi đoàn A?B"), text);
        assertTrue(text.contains("Cuộc thi") && text.contains("năm 2026"), "the line break became a space: " + text);

        new Organizer(base).api().post("api/console/certificates/" + serial + "/resend", "{}").expect(200);
        MimeMessage resent = mail.await(form.getString("email"), 2).get(1);
        assertTrue(Pdfs.text(Pdfs.attachment(resent)).contains("Vương ? Minh ?"));
        // a resend puts the same outbox row back in the queue
        JsonObject delivery = new Organizer(base).api().get("api/console/certificates/" + serial + "/mails").expect(200).array()
                .getJsonObject(0);
        assertEquals("SENT", delivery.getString("status"), delivery.toString());
    }

    @Test
    void aMailToAnAddressThatIsNotOneIsADeadLetterAtOnceWithAPlainReason(MailServer mail) throws Exception {
        long contest = new Organizer(base).contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        long id = candidate.get("api/me").expect(200).json().getJsonNumber("id").longValue();
        String stored = "<svg/onload=alert(" + id + ")>@example.org";
        assertEquals(1, Sql.update("UPDATE candidate SET email = ? WHERE id = ?", stored, id));
        takeAttempt(candidate, contest, 20);
        String serial = candidate.get("api/certificates").expect(200).array().getJsonObject(0).getString("serial");

        Api organizer = new Organizer(base).api();
        JsonObject delivery = null;
        for (int i = 0; i < 60; i++) {
            delivery = organizer.get("api/console/certificates/" + serial + "/mails").expect(200).array().getJsonObject(0);
            if (!delivery.getString("status").equals("PENDING")) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("DEAD", delivery.getString("status"), delivery.toString());
        assertEquals(1, delivery.getInt("tries"), "no retries for an address that can never work");
        assertEquals("ADDRESS_INVALID", delivery.getString("lastFailure"));
        assertTrue(delivery.getString("lastError").startsWith("Địa chỉ email của người nhận không hợp lệ"), delivery.toString());
        assertFalse(delivery.getString("lastError").contains("Exception"), delivery.toString());

        JsonObject english = new Organizer(base).api().header("Accept-Language", "en")
                .get("api/console/certificates/" + serial + "/mails").expect(200).array().getJsonObject(0);
        assertTrue(english.getString("lastError").startsWith("The recipient's email address is not valid"), english.toString());
        assertEquals(0, mail.to(stored).size());
    }

    private void takeAttempt(Api candidate, long contest, int right) {
        JsonObject paper = Papers.start(candidate, contest);
        papers.answer(candidate, paper, right);
        Papers.submit(candidate, paper);
    }



}
