/**
 * Errors as application/problem+json: {@code Problem} with a stable code and field errors, the one
 * exception mapper ({@code ProblemMapper}) and the Vietnamese and English messages ({@code Messages},
 * bundle {@code org/examcert/platform/messages*.properties}).
 */
package org.examcert.platform.problem;
