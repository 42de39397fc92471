/**
 * Grading: pure rules that turn stored answers into scores and bands, the official result across
 * attempts, the order of rankings, and item analysis for spotting bad questions.
 */
package org.examcert.grading;
