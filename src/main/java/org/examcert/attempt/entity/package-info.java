/** Participations, attempts and their papers as stored. */
package org.examcert.attempt.entity;
