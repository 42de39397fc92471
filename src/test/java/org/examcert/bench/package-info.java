/**
 * Load benchmarks against a running service (see docs/benchmarks.md). Not tests: they measure, and
 * are run by hand with the command the doc gives.
 */
package org.examcert.bench;
