package org.examcert.certificate.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.examcert.certificate.CertificateLayout;
import org.examcert.platform.text.DrawableText;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders one certificate to PDF (Apache PDFBox): the template's vector frames and lines, its text
 * fields in an embedded, subset font that covers Vietnamese, and a vector QR code of the
 * verification address. Font programs are parsed once per thread and reused, which roughly
 * doubles throughput; nothing else is shared between documents. Text the font cannot draw (stored
 * before forms refused it, or a template's own) is printed with {@link DrawableText#printable}
 * stand-ins, so a certificate always renders.
 */
public final class CertificateRenderer {

    private static final ThreadLocal<Map<byte[], TrueTypeFont>> PARSED_FONTS =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private CertificateRenderer() {
    }

    public static byte[] render(Templates.Template template, Map<String, String> values, String verifyUrl, String title) {
        CertificateLayout layout = template.layout();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("examcert");
            PDPage page = new PDPage(new PDRectangle(layout.width(), layout.height()));
            document.addPage(page);
            Map<String, PDFont> fonts = new HashMap<>();
            Map<String, DrawableText> drawable = new HashMap<>();
            for (Map.Entry<String, byte[]> font : template.fonts().entrySet()) {
                TrueTypeFont program = parsed(font.getValue());
                fonts.put(font.getKey(), PDType0Font.load(document, program, true));
                drawable.put(font.getKey(), new DrawableText(covered(program)));
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                if (template.background() != null) {
                    PDImageXObject image = PDImageXObject.createFromByteArray(document, template.background(), "background");
                    content.drawImage(image, 0, 0, layout.width(), layout.height());
                }
                for (CertificateLayout.Frame frame : layout.frames()) {
                    content.setStrokingColor(Color.decode(frame.color()));
                    content.setLineWidth(frame.lineWidth());
                    content.addRect(frame.x(), frame.y(), frame.w(), frame.h());
                    content.stroke();
                }
                for (CertificateLayout.Line line : layout.lines()) {
                    content.setStrokingColor(Color.decode(line.color()));
                    content.setLineWidth(line.lineWidth());
                    content.moveTo(line.x1(), line.y1());
                    content.lineTo(line.x2(), line.y2());
                    content.stroke();
                }
                for (CertificateLayout.Text text : layout.texts()) {
                    write(content, fonts.get(text.font()), text, drawable.get(text.font()).printable(text.fill(values)));
                }
                drawQr(content, layout.qr(), verifyUrl);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a certificate failed", e);
        }
    }

    private static TrueTypeFont parsed(byte[] fontFile) throws IOException {
        Map<byte[], TrueTypeFont> parsed = PARSED_FONTS.get();
        TrueTypeFont font = parsed.get(fontFile);
        if (font == null) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
            parsed.put(fontFile, font);
        }
        return font;
    }

    /** The code points a font has a glyph for (glyph 0 is the "missing" box). */
    static java.util.function.IntPredicate covered(TrueTypeFont font) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        return codePoint -> cmap.getGlyphId(codePoint) > 0;
    }

    /** Writes one text field, shrinking the font until it fits the field's maximum width. */
    private static void write(PDPageContentStream content, PDFont font, CertificateLayout.Text field, String text)
            throws IOException {
        float size = field.size();
        float width = font.getStringWidth(text) / 1000 * size;
        if (field.maxWidth() > 0 && width > field.maxWidth()) {
            size = size * field.maxWidth() / width;
            width = field.maxWidth();
        }
        float x = switch (field.align()) {
            case LEFT -> field.x();
            case CENTER -> field.x() - width / 2;
            case RIGHT -> field.x() - width;
        };
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(Color.decode(field.color()));
        content.newLineAtOffset(x, field.y());
        content.showText(text);
        content.endText();
    }

    private static void drawQr(PDPageContentStream content, CertificateLayout.Qr qr, String url) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification address does not fit a QR code: " + url, e);
        }
        float module = qr.size() / matrix.getWidth();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(qr.x() + column * module, qr.y() + qr.size() - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
