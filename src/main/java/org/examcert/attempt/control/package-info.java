/** The attempt lifecycle: start (draw with a stored seed) or resume, save answers, submit, expire. */
package org.examcert.attempt.control;
