/**
 * The candidate's attempt API (start, read, submit; answer saves in the {@code AnswerSaves}
 * servlet filter, off JAX-RS, and papers written by {@code PaperJson}), the organizers' attempt
 * histories, the sweeper that finalizes attempts whose time ran out, and the time given back after
 * a database outage ({@code OutageCompensation}, observing {@code DatabaseOutage}).
 */
package org.examcert.attempt.boundary;
