/** Candidates as stored: who they are, their unit and board, and a password hash. */
package org.examcert.candidate.entity;
