package org.examcert.certificate.control;

import org.examcert.certificate.entity.Certificate;

import static org.examcert.platform.text.Html.escape;

/** The Vietnamese mail that carries a certificate: subject, plain text and HTML (escaped). */
record CertificateMail(String subject, String text, String html) {

    static CertificateMail of(Certificate c, String verifyUrl) {
        String score = Certificates.plain(c.score()) + "/" + Certificates.plain(c.maxScore());
        String subject = "Giấy chứng nhận " + c.contestTitle() + " – xếp loại " + c.bandLabel();
        String text = "Chào " + c.fullName() + ",\n\n"
                + "Chúc mừng bạn đã đạt " + score + " điểm, xếp loại " + c.bandLabel() + ", trong " + c.contestTitle()
                + " (" + c.boardName() + ").\n"
                + "Giấy chứng nhận số " + c.serial() + " được đính kèm thư này (tệp PDF).\n"
                + "Bất kỳ ai cũng có thể xác minh giấy chứng nhận tại: " + verifyUrl + "\n\n"
                + "Trân trọng,\nBan Tổ chức\n";
        String html = "<!doctype html><html lang=\"vi\"><body style=\"font-family:sans-serif\">"
                + "<p>Chào " + escape(c.fullName()) + ",</p>"
                + "<p>Chúc mừng bạn đã đạt <strong>" + escape(score) + " điểm</strong>, xếp loại <strong>"
                + escape(c.bandLabel()) + "</strong>, trong " + escape(c.contestTitle()) + " (" + escape(c.boardName()) + ").</p>"
                + "<p>Giấy chứng nhận số <strong>" + escape(c.serial().value()) + "</strong> được đính kèm thư này (tệp PDF).</p>"
                + "<p>Xác minh giấy chứng nhận: <a href=\"" + escape(verifyUrl) + "\">" + escape(verifyUrl) + "</a></p>"
                + "<p>Trân trọng,<br>Ban Tổ chức</p></body></html>";
        return new CertificateMail(subject, text, html);
    }
}
