/**
 * Contests: the organizing board's rules (thể lệ), boards with their draw specifications, and
 * published versions that freeze rules and content. Pure rules here: the contest state machine,
 * the rules value object and the grading-band table it carries, and the paper draw
 * ({@code PaperDraw}); {@link org.examcert.contest.ContestAction} is what an organizer did, for the
 * audit log.
 */
package org.examcert.contest;
