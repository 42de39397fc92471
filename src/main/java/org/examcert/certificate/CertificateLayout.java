package org.examcert.certificate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate template's layout, read from its {@code layout.txt} (format in
 * certificate-templates/README.md): page size, fonts, vector decorations, text fields with
 * placeholders, and the QR code. Positions are in PDF points from the bottom-left corner.
 */
public record CertificateLayout(float width, float height, Map<String, String> fonts, String background,
                                List<Frame> frames, List<Line> lines, List<Text> texts, Qr qr) {

    public enum Align { LEFT, CENTER, RIGHT }

    public record Frame(float x, float y, float w, float h, float lineWidth, String color) {
    }

    public record Line(float x1, float y1, float x2, float y2, float lineWidth, String color) {
    }

    /** A line of text; {@code template} may hold {placeholders}; shrinks to {@code maxWidth} if set. */
    public record Text(float x, float y, String font, float size, String color, Align align, float maxWidth,
                       String template) {
        public String fill(Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    public record Qr(float x, float y, float size) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    public CertificateLayout {
        fonts = Map.copyOf(fonts);
        frames = List.copyOf(frames);
        lines = List.copyOf(lines);
        texts = List.copyOf(texts);
        for (Text t : texts) {
            if (!fonts.containsKey(t.font())) {
                throw new IllegalArgumentException("text uses font '" + t.font() + "', which the layout does not declare");
            }
        }
    }

    /** Parses a layout file; every error names the line. */
    public static CertificateLayout parse(String fileName, String text) {
        float width = 0;
        float height = 0;
        Map<String, String> fonts = new HashMap<>();
        String background = null;
        List<Frame> frames = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        Qr qr = null;
        List<String> errors = new ArrayList<>();
        String[] rows = text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            int colon = row.indexOf(':');
            String where = fileName + ":" + (i + 1) + ": ";
            if (colon < 0) {
                errors.add(where + "expected 'directive: ...'");
                continue;
            }
            String directive = row.substring(0, colon).strip();
            String rest = row.substring(colon + 1).strip();
            try {
                switch (directive.split("\\s+")[0]) {
                    case "page" -> {
                        String[] wh = rest.split("\\s+");
                        width = Float.parseFloat(wh[0]);
                        height = Float.parseFloat(wh[1]);
                    }
                    case "font" -> fonts.put(directive.split("\\s+")[1], rest);
                    case "background" -> background = rest;
                    case "frame" -> {
                        Map<String, String> a = attributes(rest);
                        frames.add(new Frame(f(a, "x"), f(a, "y"), f(a, "w"), f(a, "h"), f(a, "width"), color(a)));
                    }
                    case "line" -> {
                        Map<String, String> a = attributes(rest);
                        lines.add(new Line(f(a, "x1"), f(a, "y1"), f(a, "x2"), f(a, "y2"), f(a, "width"), color(a)));
                    }
                    case "text" -> {
                        int bar = rest.indexOf('|');
                        if (bar < 0) {
                            throw new IllegalArgumentException("a text needs attributes, then '|', then the text");
                        }
                        Map<String, String> a = attributes(rest.substring(0, bar));
                        texts.add(new Text(f(a, "x"), f(a, "y"), a.getOrDefault("font", "regular"), f(a, "size"), color(a),
                                Align.valueOf(a.getOrDefault("align", "left").toUpperCase(java.util.Locale.ROOT)),
                                a.containsKey("maxWidth") ? f(a, "maxWidth") : 0, rest.substring(bar + 1).strip()));
                    }
                    case "qr" -> {
                        Map<String, String> a = attributes(rest);
                        qr = new Qr(f(a, "x"), f(a, "y"), f(a, "size"));
                    }
                    default -> errors.add(where + "unknown directive '" + directive + "'");
                }
            } catch (RuntimeException e) {
                errors.add(where + e.getMessage());
            }
        }
        if (width <= 0 || height <= 0) {
            errors.add(fileName + ": needs 'page: <width> <height>'");
        }
        if (qr == null) {
            errors.add(fileName + ": needs 'qr: x=… y=… size=…' (the verification code)");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return new CertificateLayout(width, height, fonts, background, frames, lines, texts, qr);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        for (String pair : text.strip().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, found '" + pair + "'");
            }
            attributes.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return attributes;
    }

    private static float f(Map<String, String> a, String key) {
        String value = a.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a number");
        }
    }

    private static String color(Map<String, String> a) {
        String color = a.getOrDefault("color", "#000000");
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color=" + color + " is not #RRGGBB");
        }
        return color;
    }
}
