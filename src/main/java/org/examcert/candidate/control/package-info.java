/** Registering candidates and checking their passwords; units and their import. */
package org.examcert.candidate.control;
