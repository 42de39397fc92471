package org.examcert.platform;

import org.examcert.testing.Api;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExamcertIT
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void healthIsUpWithTheDatabaseCheckUp() {
        var health = new Api(base).get("health/ready").expect(200).json();
        assertEquals("UP", health.getString("status"));
        var database = health.getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertTrue(database.getJsonObject("data").getString("server").contains("MariaDB"));
    }

    @Test
    void infoNamesTheServiceAndTheServerTime() {
        var info = new Api(base).get("api/info").expect(200).json();
        assertEquals("examcert", info.getString("name"));
        assertTrue(info.containsKey("serverTime"));
    }

    @Test
    void unknownPathsAreProblemJsonInTheClientsLanguage() {
        var api = new Api(base);
        var vi = api.get("api/no-such-thing").expect(404);
        assertTrue(vi.contentType().startsWith("application/problem+json"), vi.contentType());
        assertEquals("http.not-found", vi.problemCode());
        assertEquals("Không tìm thấy địa chỉ được yêu cầu.", vi.json().getString("title"));

        var en = new Api(base).header("Accept-Language", "en-US,en;q=0.9").get("no-such-page.html").expect(404);
        assertTrue(en.contentType().startsWith("application/problem+json"), en.contentType());
        assertEquals("The requested address does not exist.", en.json().getString("title"));
    }

    @Test
    void openApiDocumentIsPublished() {
        var openapi = new Api(base).get("openapi").expect(200);
        assertTrue(openapi.body().contains("/api/info"));
    }
}
