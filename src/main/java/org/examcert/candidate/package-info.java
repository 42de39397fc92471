/** Candidates: pure rules about who may sit a contest. */
package org.examcert.candidate;
