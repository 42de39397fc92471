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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates issued on passing bands, mailed with their PDF through a real SMTP server, and verifiable. */
@ExamcertIT
class CertificateIT {

    static final String EVERY_TONE = "Đặng Thị Ấu Ầu Ẩu Ẫu Ậu Ắc Ằc Ẳc Ẵc Ặc Ếch Ềch Ểch Ễch Ệch Ốc Ồc Ổc Ỗc Ộc Ớc Ờc Ởc Ỡc Ợc Ứng Ừng Ửng Ững Ựng Ý Ỳ Ỷ Ỹ Ỵ";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Papers papers = new Papers(new Banks());

    private long contest() {
        return new Organizer(base).contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
    }

    private void takeAttempt(Api candidate, long contest, int right) {
        JsonObject paper = Papers.start(candidate, contest);
        papers.answer(candidate, paper, right);
        Papers.submit(candidate, paper);
    }

    @Test
    void aFirstPassIssuesACertificateMailedWithItsPdf(MailServer mail) throws Exception {
        long contest = contest();
        JsonObject form = new CandidateBuilder(base).named(EVERY_TONE).form();
        Api candidate = new CandidateBuilder(base).register(form);
        takeAttempt(candidate, contest, 16);

        List<JsonObject> mine = candidate.get("api/certificates").expect(200).array().getValuesAs(JsonObject.class);
        assertEquals(1, mine.size());
        JsonObject certificate = mine.get(0);
        assertEquals("VALID", certificate.getString("status"));
        assertEquals("TRUNG_BINH", certificate.getString("band"));
        assertEquals(EVERY_TONE, certificate.getString("fullName"));

        MimeMessage message = mail.await(form.getString("email"), 1).get(0);
        assertTrue(message.getSubject().contains("Trung bình"), message.getSubject());
        byte[] pdf = Pdfs.attachment(message);
        String text = Pdfs.text(pdf);
        assertTrue(text.contains(EVERY_TONE), "every tone mark renders in the mailed PDF: " + text);
        assertTrue(text.contains(certificate.getString("serial")));
        assertTrue(text.contains("TRUNG BÌNH"), text);

        byte[] downloaded = download(candidate, certificate.getString("pdf"));
        assertTrue(Pdfs.text(downloaded).contains(EVERY_TONE));
    }

    @Test
    void aBetterBandIssuesANewCertificateAndSupersedesTheOld(MailServer mail) throws Exception {
        long contest = contest();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        takeAttempt(candidate, contest, 16);
        takeAttempt(candidate, contest, 17);   // the same band again: nothing new
        takeAttempt(candidate, contest, 26);
        List<JsonObject> mine = candidate.get("api/certificates").expect(200).array().getValuesAs(JsonObject.class);
        assertEquals(2, mine.size(), mine.toString());
        JsonObject newest = mine.get(0);
        JsonObject older = mine.get(1);
        assertEquals("GIOI", newest.getString("band"));
        assertEquals("VALID", newest.getString("status"));
        assertEquals("SUPERSEDED", older.getString("status"));
        assertEquals(newest.getString("serial"), older.getString("supersededBy"));
        assertEquals(2, mail.await(form.getString("email"), 2).size());

        JsonObject verified = new Api(base).get("api/verify/" + older.getString("serial")).expect(200).json();
        assertEquals("SUPERSEDED", verified.getString("status"));
        var page = new Api(base).get("verify/" + older.getString("serial")).expect(200);
        assertTrue(page.body().contains("đã được thay thế"), page.body());
    }

    @Test
    void aFailingResultEarnsNoCertificate(MailServer mail) throws InterruptedException {
        long contest = contest();
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new CandidateBuilder(base).register(form);
        takeAttempt(candidate, contest, 14);
        assertEquals(0, candidate.get("api/certificates").expect(200).array().size());
        Thread.sleep(3_000);
        assertEquals(0, mail.to(form.getString("email")).size());
    }

    @Test
    void mailsWaitOutAnSmtpOutageAndAreDeliveredExactlyOnce(MailServer mail) throws Exception {
        long contest = contest();
        List<JsonObject> forms = List.of(new CandidateBuilder(base).form(), new CandidateBuilder(base).form(),
                new CandidateBuilder(base).form());
        mail.stop();
        try {
            for (JsonObject form : forms) {
                takeAttempt(new CandidateBuilder(base).register(form), contest, 20);
            }
            Thread.sleep(4_000);   // the dispatcher tries, fails, backs off
            Organizer organizer = new Organizer(base);
            String serial = organizer.api().get("api/console/certificates?contest=" + contest).expect(200).array()
                    .getJsonObject(0).getString("serial");
            JsonObject queued = organizer.api().get("api/console/certificates/" + serial + "/mails").expect(200).array().getJsonObject(0);
            assertEquals("PENDING", queued.getString("status"));
            assertTrue(queued.getInt("tries") >= 1, queued.toString());
        } finally {
            mail.start();
        }
        for (JsonObject form : forms) {
            assertEquals(1, mail.await(form.getString("email"), 1).size());
        }
        Thread.sleep(3_000);
        for (JsonObject form : forms) {
            assertEquals(1, mail.to(form.getString("email")).size(), "exactly once");
        }
    }

    @Test
    void verificationTellsValidRevokedAndUnknownSerials() {
        long contest = contest();
        Api candidate = new CandidateBuilder(base).register();
        takeAttempt(candidate, contest, 25);
        String serial = candidate.get("api/certificates").expect(200).array().getJsonObject(0).getString("serial");
        assertEquals("VALID", new Api(base).get("api/verify/" + serial).expect(200).json().getString("status"));
        assertTrue(new Api(base).get("verify/" + serial.toLowerCase()).expect(200).body().contains("Giấy chứng nhận hợp lệ."));

        Organizer organizer = new Organizer(base);
        assertEquals("certificate.revoke-reason-required",
                organizer.api().post("api/console/certificates/" + serial + "/revoke", "{}").expect(400).problemCode());
        organizer.api().post("api/console/certificates/" + serial + "/revoke",
                Json.createObjectBuilder().add("reason", "Thí sinh khai sai đơn vị").build()).expect(200);
        assertEquals("REVOKED", new Api(base).get("api/verify/" + serial).expect(200).json().getString("status"));
        assertTrue(new Api(base).get("verify/" + serial).expect(200).body().contains("thu hồi"));
        assertEquals("auth.forbidden", candidate.post("api/console/certificates/" + serial + "/revoke",
                Json.createObjectBuilder().add("reason", "x").build()).expect(403).problemCode());

        assertEquals("certificate.not-found", new Api(base).get("api/verify/GCN-0000-0000-0000-0000").expect(404).problemCode());
        var unknown = new Api(base).get("verify/GCN-0000-0000-0000-0000").expect(404);
        assertTrue(unknown.body().contains("Không tìm thấy giấy chứng nhận"), unknown.body());
        assertEquals("certificate.not-found", new Api(base).get("api/verify/not-a-serial").expect(404).problemCode());
    }

    @Test
    void aContestThatIssuesAtCloseCertifiesEachFinalBandOnce(MailServer mail) throws Exception {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("certificates", "AT_CLOSE")
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
        JsonObject passing = new CandidateBuilder(base).form();
        Api improver = new CandidateBuilder(base).register(passing);
        takeAttempt(improver, contest, 16);
        takeAttempt(improver, contest, 26);
        JsonObject failing = new CandidateBuilder(base).form();
        Api failer = new CandidateBuilder(base).register(failing);
        takeAttempt(failer, contest, 10);
        assertEquals(0, improver.get("api/certificates").expect(200).array().size(), "nothing before the close");

        organizer.api().post("api/console/contests/" + contest + "/close", "{}").expect(200);
        List<JsonObject> issued = improver.get("api/certificates").expect(200).array().getValuesAs(JsonObject.class);
        assertEquals(1, issued.size(), "one certificate, for the final band");
        assertEquals("GIOI", issued.get(0).getString("band"));
        assertEquals(0, failer.get("api/certificates").expect(200).array().size());
        assertEquals(1, mail.await(passing.getString("email"), 1).size());

        // Closing again after a reopen issues nothing twice.
        organizer.api().post("api/console/contests/" + contest + "/reopen", Json.createObjectBuilder()
                .add("closesAt", java.time.Instant.now().plusSeconds(3600).toString()).build()).expect(200);
        organizer.api().post("api/console/contests/" + contest + "/close", "{}").expect(200);
        assertEquals(1, improver.get("api/certificates").expect(200).array().size());
    }

    @Test
    void organizersReissueAContestsCertificatesInBulkAndFollowTheProgress(MailServer mail) throws Exception {
        long contest = contest();
        List<JsonObject> forms = List.of(new CandidateBuilder(base).form(), new CandidateBuilder(base).form());
        for (JsonObject form : forms) {
            takeAttempt(new CandidateBuilder(base).register(form), contest, 22);
            mail.await(form.getString("email"), 1);
        }
        Organizer organizer = new Organizer(base);
        JsonObject started = organizer.api().post("api/console/certificates/reissue?contest=" + contest, "{}").expect(200).json();
        assertEquals(2, started.getInt("total"));
        String batch = started.getString("batch");
        JsonObject progress = started;
        for (int i = 0; i < 60 && progress.getInt("sent") < 2; i++) {
            Thread.sleep(250);
            progress = organizer.api().get("api/console/certificates/batches/" + batch).expect(200).json();
        }
        assertEquals(2, progress.getInt("sent"), progress.toString());
        for (JsonObject form : forms) {
            assertEquals(2, mail.await(form.getString("email"), 2).size());
        }
        assertEquals("certificate.batch-not-found",
                organizer.api().get("api/console/certificates/batches/no-such-batch").expect(404).problemCode());
    }

    @Test
    void publishingRefusesACertificateTemplateThatDoesNotExist() {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("certificateTemplate", "khong-co-mau-nay")
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).draft();
        var refused = organizer.api().post("api/console/contests/" + contest + "/publish", "{}").expect(422);
        assertEquals("contest.certificate-template-unknown", refused.problemCode());
        assertEquals("DRAFT", organizer.api().get("api/console/contests/" + contest).expect(200).json().getString("state"));
    }


    @Test
    void eachContestPrintsItsOwnPlaceAndSignatoryAndIssuedCertificatesKeepTheirs() throws Exception {
        Organizer organizer = new Organizer(base);
        long contest = contest();
        long plain = contest();
        String edit = "api/console/contests/" + contest;
        // set after publishing: a printing detail, not a rule of the exam
        JsonObject set = organizer.api().put(edit, Json.createObjectBuilder().add("certificatePlace", "Hà Nội")
                .add("signatoryTitle", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN").add("signatoryName", "Nguyễn Văn An").build()).expect(200).json();
        assertEquals(List.of("Hà Nội", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "Nguyễn Văn An"),
                List.of(set.getString("certificatePlace"), set.getString("signatoryTitle"), set.getString("signatoryName")));

        // text the fonts cannot draw, or too long, is refused with the field named, and changes nothing
        var unprintable = organizer.api().put(edit, "{\"signatoryName\":\"Nguyễn 王 An\"}").expect(400).json()
                .getJsonArray("errors").getJsonObject(0);
        assertEquals(List.of("signatoryName", "text.not-printable"), List.of(unprintable.getString("field"), unprintable.getString("code")));
        assertTrue(unprintable.getString("message").contains("«王» (U+738B) không in được"), unprintable.toString());
        var tooLong = organizer.api().put(edit, Json.createObjectBuilder().add("certificatePlace", "Hà Nội".repeat(20)).build())
                .expect(400).json().getJsonArray("errors").getJsonObject(0);
        assertEquals(List.of("certificatePlace", "contest.signing-too-long"), List.of(tooLong.getString("field"), tooLong.getString("code")));
        assertEquals("Nguyễn Văn An", organizer.api().get(edit).expect(200).json().getString("signatoryName"));

        Api first = new CandidateBuilder(base).register();
        takeAttempt(first, contest, 20);
        String firstPdf = "api/certificates/" + first.get("api/certificates").expect(200).array().getJsonObject(0).getString("serial") + "/pdf";
        String printed = Pdfs.text(first.bytes(firstPdf, 200));
        assertTrue(printed.contains("Hà Nội, ngày"), printed);
        assertTrue(printed.contains("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"), printed);
        assertTrue(printed.contains("Nguyễn Văn An"), printed);

        // a later change prints on later certificates only; a blank field falls back to the configuration
        organizer.api().put(edit, Json.createObjectBuilder().add("certificatePlace", "Cần Thơ").add("signatoryName", "").build()).expect(200);
        String kept = Pdfs.text(first.bytes(firstPdf, 200));
        assertTrue(kept.contains("Hà Nội, ngày") && kept.contains("Nguyễn Văn An") && !kept.contains("Cần Thơ"), kept);
        Api second = new CandidateBuilder(base).register();
        takeAttempt(second, contest, 20);
        String later = Pdfs.text(second.bytes("api/certificates/" + second.get("api/certificates").expect(200).array()
                .getJsonObject(0).getString("serial") + "/pdf", 200));
        assertTrue(later.contains("Cần Thơ, ngày") && later.contains("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN") && !later.contains("Nguyễn Văn An"), later);

        // a contest that sets nothing prints the configured place and signatory title
        Api third = new CandidateBuilder(base).register();
        takeAttempt(third, plain, 20);
        String configured = Pdfs.text(third.bytes("api/certificates/" + third.get("api/certificates").expect(200).array()
                .getJsonObject(0).getString("serial") + "/pdf", 200));
        assertTrue(configured.contains("Trà Vinh, ngày") && configured.contains("TM. BAN TỔ CHỨC"), configured);
    }

    private static byte[] download(Api candidate, String path) {
        return candidate.bytes(path.startsWith("/") ? path.substring(1) : path, 200);
    }
}
