package org.examcert.platform.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nguyễn Văn A|Nguyễn Văn A",
            "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
            "a & \"b\" 'c'|a &amp; &quot;b&quot; &#39;c&#39;"
    })
    void escapes(String text, String expected) {
        assertEquals(expected, Html.escape(text));
    }
}
