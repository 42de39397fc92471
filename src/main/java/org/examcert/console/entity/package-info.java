/** Staff accounts and audit-log entries as stored. */
package org.examcert.console.entity;
