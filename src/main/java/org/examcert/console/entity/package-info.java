/** Staff accounts as stored. */
package org.examcert.console.entity;
