/** Question banks: parsing and validating the {@code .bank} files that questions are authored in. */
package org.examcert.questionbank;
