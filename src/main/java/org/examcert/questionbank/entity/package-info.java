/** Question banks and their questions as stored; a question changes only through a re-import or an edit that bumps its revision. */
package org.examcert.questionbank.entity;
