package org.examcert.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem code the sources raise has a Vietnamese and an English message. */
class MessagesTest {

    private static final Pattern CODE = Pattern.compile(
            "(?:Problem\\.[a-zA-Z]+\\(|new Problem\\(\\d+, |FieldError\\.of\\(\"[a-zA-Z]+\", |ImportError\\.of\\([^;\"]*?, )"
                    + "\"([a-z]+\\.[a-z.-]+)\"");

    @Test
    void everyRaisedCodeHasBothMessages() throws IOException {
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertTrue(raised.size() > 50, "the scan found the codes: " + raised.size());
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (String code : raised) {
            if (!vi.containsKey(code)) {
                missing.add("vi:" + code);
            }
            if (!en.containsKey(code)) {
                missing.add("en:" + code);
            }
        }
        assertEquals(Set.of(), missing);
        assertEquals(vi.keySet(), en.keySet(), "both languages say the same things");
    }

    /** A key written twice silently keeps only its last text: the earlier one was somebody's intent. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void noKeyIsWrittenTwice(String name) throws IOException {
        List<String> keys = Files.readAllLines(Path.of("src/main/resources/org/examcert/platform", name), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("=")).map(l -> l.substring(0, l.indexOf('=')).strip())
                .toList();
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        keys.forEach(k -> {
            if (!seen.add(k)) {
                twice.add(k);
            }
        });
        assertEquals(Set.of(), twice);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vi|attempt.limit-reached|Bạn đã dùng hết 1000 lượt thi của cuộc thi này.",
            "en|attempt.limit-reached|You have used all 1000 attempts of this contest.",
            "vi|no.such-code|no.such-code"
    })
    void messagesAreFormattedInTheAskedLanguage(String language, String code, String expected) {
        assertEquals(expected, Messages.format(Locale.forLanguageTag(language), code, List.of(1000)));
    }

    @ParameterizedTest
    @CsvSource({"'en-US,en;q=0.9', en", "'vi-VN,en;q=0.5', vi", "'fr-FR', vi", "'', vi"})
    void vietnameseUnlessEnglishComesFirst(String header, String expected) {
        List<Locale> acceptable = header.isBlank() ? List.of()
                : Stream.of(header.split(",")).map(s -> Locale.forLanguageTag(s.split(";")[0].trim())).toList();
        assertEquals(expected, Messages.pick(acceptable).getLanguage());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/org/examcert/platform", name))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
