/**
 * Importing bank files (validated whole before anything is saved): the folder at start-up and the
 * organizers' uploads in any format ({@code BankImports}); finding questions for draw specifications.
 */
package org.examcert.questionbank.control;
