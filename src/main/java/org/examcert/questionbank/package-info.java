/**
 * Question banks: banks and questions, the imports' shared text rules and limits ({@code ImportText}:
 * NFC, a file's lines, derived ids), an organizer's edit of one question ({@code QuestionEdit}),
 * and, in {@code format}, the file formats questions come in ({@code .bank}, GIFT, Aiken, .xlsx), each
 * validated whole with every error at its line or row.
 */
package org.examcert.questionbank;
