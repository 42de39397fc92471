/**
 * The question file formats, pure Java: the repository's {@code .bank} format ({@code BankFileParser}),
 * the .xlsx template ({@code BankWorkbook}), Moodle GIFT ({@code GiftFormat}) and Aiken
 * ({@code AikenFormat}). Each reads a whole file into one {@link org.examcert.questionbank.BankFile}
 * or refuses it with every error at its line or row
 * ({@link org.examcert.platform.files.ImportRejected}).
 */
package org.examcert.questionbank.format;
