package org.examcert.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/**
 * The server's clock is the only clock; domain code receives {@code Instant now} from callers that
 * inject this. It ticks in milliseconds, the precision the database keeps, so an instant read back
 * equals the one written.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
