package org.examcert.platform.text;

/**
 * Which characters the certificate fonts can draw. Declared here so that registration and contest
 * forms (below the certificate capability) can refuse text a certificate could not print; the
 * certificate capability implements it from the fonts its renderer actually embeds.
 */
public interface GlyphCoverage {

    /** Whether every certificate font has a glyph for this Unicode code point. */
    boolean covers(int codePoint);
}
