package org.examcert.certificate.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.examcert.certificate.Serial;
import org.examcert.certificate.control.Certificates;
import org.examcert.certificate.entity.Certificate;
import org.examcert.platform.Vietnam;

import static org.examcert.platform.text.Html.escape;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The page a certificate's QR code opens: a small, self-contained Vietnamese HTML page saying
 * whether the certificate is valid, superseded or revoked, or that no such certificate exists.
 */
@WebServlet(urlPatterns = "/verify/*")
public class VerifyPage extends HttpServlet {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vietnam.ZONE);

    @Inject
    Certificates certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String typed = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        Optional<Certificate> found = Serial.parse(typed).flatMap(certificates::bySerial);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Xác minh giấy chứng nhận</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + ".status{padding:.75rem 1rem;border-radius:.5rem;font-weight:600}"
                + ".VALID{background:#e6f4ea;color:#0b5d1e}.SUPERSEDED{background:#fff4e5;color:#7a4a00}"
                + ".REVOKED,.missing{background:#fdecea;color:#8a1c1c}dt{font-weight:600;margin-top:.75rem}dd{margin:0}"
                + "</style></head><body><h1>Xác minh giấy chứng nhận</h1>");
        if (found.isEmpty()) {
            response.setStatus(404);
            page.append("<p class=\"status missing\">Không tìm thấy giấy chứng nhận có số hiệu „")
                    .append(escape(typed)).append("”. Hãy kiểm tra lại số hiệu in trên giấy chứng nhận.</p>");
        } else {
            Certificate c = found.get();
            String status = switch (c.status()) {
                case VALID -> "Giấy chứng nhận hợp lệ.";
                case SUPERSEDED -> "Giấy chứng nhận này đã được thay thế bằng giấy chứng nhận xếp loại cao hơn, số "
                        + escape(c.supersededBy()) + ".";
                case REVOKED -> "Giấy chứng nhận này đã bị Ban Tổ chức thu hồi ngày " + DATE.format(c.revokedAt()) + ".";
            };
            page.append("<p class=\"status ").append(c.status().name()).append("\">").append(status).append("</p><dl>")
                    .append(row("Số hiệu", c.serial().value()))
                    .append(row("Họ và tên", c.fullName()))
                    .append(row("Cuộc thi", c.contestTitle()))
                    .append(row("Bảng", c.boardName()))
                    .append(row("Xếp loại", c.bandLabel()))
                    .append(row("Ngày cấp", DATE.format(c.issuedAt())))
                    .append("</dl>");
        }
        page.append("</body></html>");
        response.getWriter().write(page.toString());
    }

    private static String row(String label, String value) {
        return "<dt>" + label + "</dt><dd>" + escape(value) + "</dd>";
    }

}
