package org.examcert.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The one data source. Its coordinates come from MicroProfile Config (examcert.db.url / .user /
 * .password, or EXAMCERT_DB_URL / _USER / _PASSWORD in the environment); local (non-XA)
 * transactions, see {@link LocalMariaDbDataSource}.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.examcert.platform.database.LocalMariaDbDataSource",
        url = "${MPCONFIG=examcert.db.url}",
        user = "${MPCONFIG=examcert.db.user}",
        password = "${MPCONFIG=examcert.db.password}",
        minPoolSize = 4,
        maxPoolSize = 64,
        properties = {
                // A restarted database leaves every pooled connection dead. Validate a connection
                // with a real round trip (JDBC 4 isValid: a COM_PING) when it has not been checked
                // for 2 s; the first that fails closes them all, so the pool refills with live
                // ones within seconds of the database being back, with no restart of the service.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=2",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/examcert";

    /**
     * An instant as plain JDBC binds it to a DATETIME column: the wall time a {@code Timestamp}
     * would be written as (the driver formats both in the JVM's zone), without the
     * {@code Calendar} and {@code SimpleDateFormat} the driver builds for every {@code Timestamp}
     * (9 % of an answer's save). Bind it with {@code setObject}.
     */
    public static LocalDateTime wallTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    }
}
