/**
 * Files organizers upload and download: bounded uploads, .xlsx helpers, attachments, and the one
 * structured import error ({@link org.examcert.platform.files.ImportError}: file, place, message key
 * and arguments) that every importer reports with, capped and counted ({@link org.examcert.platform.files.CappedErrors}).
 */
package org.examcert.platform.files;
