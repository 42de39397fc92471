/**
 * Test support for the integration tests: the embedded MariaDB they run against, the deployment
 * built from the application's packages, and a small HTTP client that behaves like one browser;
 * and, for unit tests, a builder of small .xlsx inputs and assertions on refused imports.
 */
package org.examcert.testing;
