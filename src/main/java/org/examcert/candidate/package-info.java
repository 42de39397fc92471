/**
 * Candidates: registration (checked field by field), the five standard boards, who may sit a
 * contest (16–40), and the units (đơn vị) they belong to, imported from .xlsx workbooks.
 */
package org.examcert.candidate;
