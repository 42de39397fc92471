package org.examcert.certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateLayoutTest {

    private static final String MINIMAL = """
            page: 842 595
            font bold: bold.ttf
            text: x=421 y=300 font=bold size=20 align=center maxWidth=600 | Chứng nhận {fullName}
            qr: x=700 y=50 size=80
            """;

    @Test
    void aMinimalLayoutParses() {
        CertificateLayout layout = CertificateLayout.parse("t/layout.txt", MINIMAL);
        assertEquals(842, layout.width());
        assertEquals(CertificateLayout.Align.CENTER, layout.texts().get(0).align());
        assertEquals("Chứng nhận Lê Văn Tám", layout.texts().get(0).fill(Map.of("fullName", "Lê Văn Tám")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "frame: x=1 y=2 w=3; t/layout.txt:5: missing h=",
            "text: x=1 y=2 size=3 font=bold no bar; t/layout.txt:5: a text needs attributes",
            "circle: x=1; t/layout.txt:5: unknown directive 'circle'",
            "line: x1=1 y1=1 x2=2 y2=2 width=1 color=red; t/layout.txt:5: color=red is not #RRGGBB",
            "frame: x=a y=2 w=3 h=4 width=1; t/layout.txt:5: x=a is not a number"
    })
    void errorsNameTheLine(String badLine, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertificateLayout.parse("t/layout.txt", MINIMAL + badLine + "\n"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void aTextWithAnUndeclaredFontIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CertificateLayout.parse("t", MINIMAL.replace("font=bold", "font=italic")));
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        CertificateLayout layout = CertificateLayout.parse("t", MINIMAL);
        assertThrows(IllegalArgumentException.class, () -> layout.texts().get(0).fill(Map.of()));
    }

    @Test
    void theShippedDefaultTemplateParses() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("certificate-templates/default/layout.txt"));
        CertificateLayout layout = CertificateLayout.parse("default/layout.txt", text);
        assertTrue(layout.texts().size() > 10);
        assertEquals(3, layout.fonts().size());
    }
}
