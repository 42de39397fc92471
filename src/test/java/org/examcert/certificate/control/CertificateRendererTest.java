package org.examcert.certificate.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default template, rendered with the shipped fonts: every Vietnamese tone mark comes out as text. */
class CertificateRendererTest {

    static final String EVERY_TONE = "Đặng Thị Ấu Ầu Ẩu Ẫu Ậu Ắc Ằc Ẳc Ẵc Ặc Ếch Ềch Ểch Ễch Ệch Ốc Ồc Ổc Ỗc Ộc Ớc Ờc Ởc Ỡc Ợc Ứng Ừng Ửng Ững Ựng Ý Ỳ Ỷ Ỹ Ỵ";

    static Templates templates() {
        Templates templates = new Templates();
        templates.folder = "certificate-templates";
        return templates;
    }

    static Map<String, String> values(String name) {
        Map<String, String> values = new HashMap<>();
        values.put("fullName", name);
        values.put("birthDate", "19/05/2001");
        values.put("unit", "Đoàn Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh");
        values.put("board", "Bảng đoàn viên thanh niên khối cơ quan và doanh nghiệp");
        values.put("contest", "Kiểm tra năng lực kiến thức cho cán bộ, đoàn viên, thanh niên năm 2026");
        values.put("band", "Xuất sắc");
        values.put("bandUpper", "XUẤT SẮC");
        values.put("score", "30");
        values.put("maxScore", "30");
        values.put("serial", "GCN-7K2M-QX9D-3HTV-0RWA");
        values.put("issueDate", "25/11/2026");
        values.put("issuePlace", "Trà Vinh");
        values.put("signatoryTitle", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN");
        values.put("signatoryName", "Nguyễn Thị Hồng Nhung");
        values.put("day", "25");
        values.put("month", "11");
        values.put("year", "2026");
        values.put("verifyUrl", "http://localhost:8080/verify/GCN-7K2M-QX9D-3HTV-0RWA");
        return values;
    }

    @Test
    void everyToneMarkIsExtractableTextAndThePageRenders() throws IOException {
        byte[] pdf = CertificateRenderer.render(templates().template("default"), values(EVERY_TONE),
                "http://localhost:8080/verify/GCN-7K2M-QX9D-3HTV-0RWA", "Giấy chứng nhận");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(EVERY_TONE), text);
            assertTrue(text.contains("GIẤY CHỨNG NHẬN"), text);
            assertTrue(text.contains("Độc lập – Tự do – Hạnh phúc"), text);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            assertEquals(842, image.getWidth());
            Path out = Path.of("target", "certificate-sample");
            Files.createDirectories(out);
            Files.write(out.resolve("certificate-sample.pdf"), pdf);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", out.resolve("certificate-sample.png").toFile());
        }
        assertTrue(pdf.length < 120_000, "subset fonts keep a certificate small: " + pdf.length + " bytes");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Hà Nội|TM. BAN THƯỜNG VỤ TỈNH ĐOÀN|Nguyễn Thị Hồng Nhung",
            "Thành phố Hồ Chí Minh|TM. BAN TỔ CHỨC|''",
            "Ấp Phước Hảo, xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh, Việt Nam, một nơi có tên rất dài để thử|TRƯỞNG BAN TỔ CHỨC CUỘC THI TÌM HIỂU LỊCH SỬ ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH|Tôn Nữ Hoàng Thị Minh Nguyệt Phương Thảo Ngọc Diễm Kiều Trang Quỳnh Như"})
    void thePlaceAndTheSignatoryArePrintedUnderTheDate(String place, String title, String name) throws IOException {
        Map<String, String> values = values("Lê Văn Tám");
        values.put("issuePlace", place);
        values.put("signatoryTitle", title);
        values.put("signatoryName", name);
        byte[] pdf = CertificateRenderer.render(templates().template("default"), values, "http://x/verify/1", "t");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(place + ", ngày 25 tháng 11 năm 2026"), text);
            assertTrue(text.contains(title), text);
            assertTrue(text.contains(name), text);
        }
    }

    @Test
    void aVeryLongNameShrinksToFitInsteadOfOverflowing() throws IOException {
        String longName = "Tôn Nữ Hoàng Thị Minh Nguyệt Phương Thảo Ngọc Diễm Kiều Trang Quỳnh Như";
        byte[] pdf = CertificateRenderer.render(templates().template("default"), values(longName), "http://x/verify/1", "t");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(document).contains(longName));
        }
    }

    /** Text stored before forms refused it: the certificate still renders, with stand-ins. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a CJK name|Vương 王 Minh|Vương ? Minh",
            "a full-width sign|A＝B|A?B",
            "an emoji|Lan 😀 Anh|Lan ? Anh",
            "a line break|Nguyễn{CR}Văn{LF}A|Nguyễn Văn A",
            "a bidi override|{RLO}abc|abc",
    })
    void textTheFontsLackStillRendersWithStandIns(String what, String stored, String printed) throws IOException {
        String name = unescape(stored);
        Map<String, String> values = values(name);
        values.put("unit", name);
        values.put("contest", name);
        byte[] pdf = CertificateRenderer.render(templates().template("default"), values, "http://x/verify/1", name);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(unescape(printed).strip()), what + ": " + text);
        }
    }

    private static String unescape(String csv) {
        return csv.replace("{CR}", "\r").replace("{LF}", "\n").replace("{RLO}", "\u202E");
    }

    @Test
    void theFormsAcceptWhatEveryTemplateFontDraws() {
        TemplateGlyphs glyphs = new TemplateGlyphs();
        glyphs.templates = templates();
        glyphs.folder = "certificate-templates";
        for (int c : EVERY_TONE.codePoints().toArray()) {
            assertTrue(glyphs.covers(c), "covers " + Character.toString(c));
        }
        assertTrue(glyphs.covers('–'));
        for (String lacking : new String[] {"王", "＝", "😀"}) {
            org.junit.jupiter.api.Assertions.assertFalse(glyphs.covers(lacking.codePointAt(0)), lacking);
        }
    }
}
