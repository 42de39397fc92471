package org.examcert.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

/**
 * What is running: its name, when it started, and the server's clock (clients correct their skew
 * with it). No version of the application or the JVM: this is public, and a version tells an
 * attacker which known flaws to try (operators read it in the WAR's build.properties).
 */
@Path("info")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    public record Info(String name, Instant startedAt, Instant serverTime) {
    }

    private final Properties build = new Properties();
    private Clock clock;
    private Instant startedAt;

    protected InfoResource() {
    }

    @Inject
    public InfoResource(Clock clock) {
        this.clock = clock;
        this.startedAt = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        try (InputStream in = InfoResource.class.getResourceAsStream("/org/examcert/platform/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Info info() {
        return new Info(build.getProperty("name", "examcert"), startedAt, clock.instant());
    }
}
