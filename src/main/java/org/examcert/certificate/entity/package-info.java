/** Certificates as stored, with the facts they certify frozen at issue. */
package org.examcert.certificate.entity;
