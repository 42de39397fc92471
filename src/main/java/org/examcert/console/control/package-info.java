/** Staff accounts, the first administrator from configuration, and the sample contests of the embedded default. */
package org.examcert.console.control;
