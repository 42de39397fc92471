/**
 * Text rules: what certificate fonts can draw ({@code DrawableText}, {@code GlyphCoverage}),
 * e-mail addresses, HTML escaping and slugs derived from Vietnamese names.
 */
package org.examcert.platform.text;
