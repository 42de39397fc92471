/** The result of one candidate in one contest, across all their attempts. */
package org.examcert.grading.entity;
