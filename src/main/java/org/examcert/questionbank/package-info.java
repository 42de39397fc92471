/**
 * Question banks: the {@code .bank} files questions are authored in (parsed and validated whole),
 * imports from GIFT, Aiken and .xlsx workbooks (each validated whole, every error with its line or
 * row), banks and questions.
 */
package org.examcert.questionbank;
