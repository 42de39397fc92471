/**
 * The HTTP edge: the JAX-RS application, admission at the door ({@code AdmissionFilter},
 * {@code AdmissionRule}), request body limits and strict JSON reading ({@code RequestBodies},
 * {@code BoundedBody}), whole-number parameters ({@code NumericParams}), security headers and the
 * CSP (and staff-only metrics), error pages, and what is running ({@code InfoResource}).
 */
package org.examcert.platform.http;
