/**
 * The attempt lifecycle, one class per job: {@link org.examcert.attempt.control.AttemptStarts}
 * (start with a stored seed, or resume), {@link org.examcert.attempt.control.AnswerSaving} (one
 * conditional UPDATE per answer), {@link org.examcert.attempt.control.AttemptClosing} (submit and
 * expire under one lock order), {@link org.examcert.attempt.control.PaperViews} (what the candidate
 * sees) and {@link org.examcert.attempt.control.AttemptRecords} (reads for grading and certificates);
 * outage time credits and an attempt's history beside them.
 */
package org.examcert.attempt.control;
