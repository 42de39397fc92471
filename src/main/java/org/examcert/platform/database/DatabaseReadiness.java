package org.examcert.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Ready only when MariaDB answers and the schema migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        // Readiness needs a migrated schema; versions (the database's, the schema's) are not shown:
        // the endpoint is public, and a version tells an attacker which flaws to try.
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
            boolean migrated = rs.next() && rs.getLong(1) > 0;
            return HealthCheckResponse.named("database")
                    .status(migrated && connection.isValid(2))
                    .withData("server", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (Exception e) {
            LOG.warning(() -> "event=health.database-down error=" + e);
            return HealthCheckResponse.named("database").down().withData("error", "unreachable").build();
        }
    }
}
