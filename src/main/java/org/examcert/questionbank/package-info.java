/** Question banks: the {@code .bank} files questions are authored in (parsed and validated whole), banks and questions. */
package org.examcert.questionbank;
