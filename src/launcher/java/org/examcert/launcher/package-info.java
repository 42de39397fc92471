/**
 * The launcher for a single machine: embedded MariaDB plus Payara Micro as a child process.
 * Compiled with the application but kept out of the WAR.
 */
package org.examcert.launcher;
