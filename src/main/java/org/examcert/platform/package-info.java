/**
 * Platform: what every capability reuses, each in exactly one place: the clock, configuration,
 * the problem+json error mapping, schema migrations, health and build information.
 */
package org.examcert.platform;
