/**
 * Platform: what every capability reuses, each in exactly one place, in sub-packages by concern
 * that depend on each other without cycles ({@code ArchitectureTest}):
 * {@code problem} (problem+json, the one mapper, the vi/en messages), {@code http} (the JAX-RS
 * application, request filters: admission, body limits, security headers; what is running),
 * {@code security} (sessions, tokens, roles, log-in throttling), {@code database} (the data
 * source, schema migrations, outage detection, the readiness check, writes coalesced into one statement), {@code json} (strict binding),
 * {@code text} (printable text, e-mail addresses, HTML escaping, slugs) and {@code files}
 * (uploads, downloads, .xlsx, import errors). Here at the root: the one clock producer and
 * Vietnam's time zone.
 */
package org.examcert.platform;
