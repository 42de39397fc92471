/** Registering candidates and checking their passwords. */
package org.examcert.candidate.control;
