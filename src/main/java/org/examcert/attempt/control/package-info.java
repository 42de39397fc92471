/**
 * The attempt lifecycle, one class per job: {@link org.examcert.attempt.control.AttemptStarts}
 * (a new attempt is one row with its seed, made without a lock when nothing runs; or the running
 * one is resumed),
 * {@link org.examcert.attempt.control.AnswerSaving} (one conditional upsert per answer),
 * {@link org.examcert.attempt.control.AttemptClosing} (submit and expire under one lock order),
 * {@link org.examcert.attempt.control.Papers} (a running paper drawn again from its seed; an
 * ending one written out with its answers), {@link org.examcert.attempt.control.PaperViews} (what
 * the candidate sees) and {@link org.examcert.attempt.control.AttemptRecords} (reads for grading
 * and certificates); outage time credits and an attempt's history beside them.
 */
package org.examcert.attempt.control;
