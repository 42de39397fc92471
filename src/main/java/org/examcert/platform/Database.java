package org.examcert.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source. Its coordinates come from MicroProfile Config (examcert.db.url / .user /
 * .password, or EXAMCERT_DB_URL / _USER / _PASSWORD in the environment); local (non-XA)
 * transactions, see {@link LocalMariaDbDataSource}.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.examcert.platform.LocalMariaDbDataSource",
        url = "${MPCONFIG=examcert.db.url}",
        user = "${MPCONFIG=examcert.db.user}",
        password = "${MPCONFIG=examcert.db.password}",
        minPoolSize = 4,
        maxPoolSize = 64,
        properties = {
                // Validate a pooled connection at most every 30 s, not on every checkout (a round trip each).
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.validate-atmost-once-period-in-seconds=30",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/examcert";
}
