/** Grading: pure rules that turn stored answers into scores and bands, and the result across attempts. */
package org.examcert.grading;
