/**
 * The HTTP edge: the JAX-RS application, admission at the door ({@code AdmissionFilter},
 * {@code AdmissionRule}), request body limits and strict JSON reading ({@code RequestBodies},
 * {@code BoundedBody}), path parameters, security headers and the CSP, error pages, and build information.
 */
package org.examcert.platform.http;
