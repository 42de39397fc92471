/**
 * Question banks at the organizer console: list, search, edit, import (validated first) and export.
 * Organizer actions fire {@link org.examcert.questionbank.BankAction} for the audit log.
 */
package org.examcert.questionbank.boundary;
