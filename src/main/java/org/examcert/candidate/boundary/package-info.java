/** The candidate's account API: register, log in and out, who am I. */
package org.examcert.candidate.boundary;
