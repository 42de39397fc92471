/**
 * Candidates: registration (checked field by field), the five standard boards, who may sit a
 * contest (16–40), and the units (đơn vị) they belong to, imported from .xlsx workbooks with the
 * platform's structured import errors; {@link org.examcert.candidate.UnitAction} is what an
 * organizer did to units, for the audit log.
 */
package org.examcert.candidate;
