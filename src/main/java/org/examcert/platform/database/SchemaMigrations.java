package org.examcert.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date at start-up with Flyway; EclipseLink never generates DDL.
 * Start-up beans that touch the database declare {@code @DependsOn("SchemaMigrations")}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "event=schema.migrated applied=" + result.migrationsExecuted + " version=" + result.targetSchemaVersion);
    }
}
