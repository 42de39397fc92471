/** Candidates as stored (who they are, their unit and board, and a password hash), and the units. */
package org.examcert.candidate.entity;
