/** The organizer API: staff session, and contest editing, publishing and closing. */
package org.examcert.console.boundary;
