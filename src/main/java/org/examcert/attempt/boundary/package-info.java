/** The candidate's attempt API, and the sweeper that finalizes attempts whose time ran out. */
package org.examcert.attempt.boundary;
