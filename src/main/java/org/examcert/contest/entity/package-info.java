/** Contests, their boards and published versions as stored. */
package org.examcert.contest.entity;
