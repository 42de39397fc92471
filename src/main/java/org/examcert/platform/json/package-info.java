/** Strict JSON: bounded parsing and exact binding of request bodies, each wrong field named. */
package org.examcert.platform.json;
