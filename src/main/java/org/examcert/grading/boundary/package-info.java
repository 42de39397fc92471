/** The candidate's result in a contest: attempts, the official one, band and completion. */
package org.examcert.grading.boundary;
