/**
 * The database: the data source and its JNDI name, Flyway migrations at start-up, fail-fast
 * connections, the readiness check, outage detection and the service gap it measures, transactions
 * of their own for timers, writes that arrive together written together ({@code WriteCoalescer}), and
 * small query helpers ({@code Like}, {@code InstantConverter}).
 */
package org.examcert.platform.database;
