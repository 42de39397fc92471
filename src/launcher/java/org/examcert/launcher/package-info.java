/**
 * The launcher for a single machine: embedded MariaDB plus Payara Micro as a child process,
 * each restarted when it dies ({@link org.examcert.launcher.RestartBudget}) and the service also
 * when it hangs ({@link org.examcert.launcher.HangWatch}). Compiled with the application but kept
 * out of the WAR.
 */
package org.examcert.launcher;
