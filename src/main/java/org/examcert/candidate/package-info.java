/** Candidates: registration (checked field by field), the five standard boards, and who may sit a contest (16–40). */
package org.examcert.candidate;
