package org.examcert.platform.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The JSON API lives under /api; the candidate app's static files under /. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "examcert",
        version = "1",
        description = "Online examination and certification engine for youth-union knowledge contests. "
                + "Errors are application/problem+json with a stable `code`; messages are Vietnamese unless "
                + "the request sends Accept-Language: en.",
        license = @License(name = "Apache-2.0")))
public class ExamcertApplication extends Application {
}
