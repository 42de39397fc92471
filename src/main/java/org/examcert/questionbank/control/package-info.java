/** Importing bank files (validated whole before anything is saved) and finding questions for draw specifications. */
package org.examcert.questionbank.control;
