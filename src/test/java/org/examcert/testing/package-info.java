/**
 * Test support for the integration tests: the embedded MariaDB they run against, the deployment
 * built from the application's packages, and a small HTTP client that behaves like one browser.
 */
package org.examcert.testing;
