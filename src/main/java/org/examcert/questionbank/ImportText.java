package org.examcert.questionbank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Iterator;

/** Text rules shared by the question importers: NFC, limits and derived ids (slugs are {@link org.examcert.platform.text.Slug}). */
public final class ImportText {

    /** Longest id or slug made here; question ids are stored in a VARCHAR(100). */
    public static final int MAX_SLUG = 100;

    /** Longest texts an import accepts; they fit the question table and still read as a question. */
    public static final int MAX_STEM = 5000;
    public static final int MAX_OPTION = 2000;
    public static final int MAX_TOPIC = 200;
    public static final int MAX_TEXT = 5000;

    private ImportText() {
    }

    /** NFC and stripped, so text typed on any Vietnamese keyboard compares equal; null becomes "". */
    public static String clean(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }

    /**
     * A text file's lines, NFC, without a leading byte-order mark, one at a time: never the whole file
     * split at once, as a hostile file may have millions of lines. Not stripped as a whole, so leading
     * blank lines still count for line numbers.
     */
    public static Iterator<String> lines(String text) {
        return Normalizer.normalize(text.startsWith("\uFEFF") ? text.substring(1) : text, Normalizer.Form.NFC)
                .lines().iterator();
    }

    /** {@code q-} and the first 12 hex characters of the SHA-256 of the NFC stem. */
    public static String stemId(String stem) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clean(stem).getBytes(StandardCharsets.UTF_8));
            return "q-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
