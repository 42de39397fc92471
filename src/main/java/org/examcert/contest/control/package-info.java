/** Editing and publishing contests, and the cached catalog of published versions. */
package org.examcert.contest.control;
