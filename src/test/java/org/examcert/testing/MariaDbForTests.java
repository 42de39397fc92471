package org.examcert.testing;

import org.examcert.launcher.EmbeddedMariaDb;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts the embedded MariaDB once for the whole test run (on the port the build reserved), before
 * Arquillian starts Payara Micro, and stops it when the run ends. Payara reaches it through the
 * examcert.db.url that arquillian.xml passes on. A test that takes a {@link TestDatabase} parameter
 * can crash it and start it again on the same data, as a bad day would.
 */
public class MariaDbForTests implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static TestDatabase server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MariaDbForTests.class, key -> new TestDatabase(), TestDatabase.class);
    }

    /** The run's database server; a test that crashes it must start it again before it ends. */
    public static final class TestDatabase implements ExtensionContext.Store.CloseableResource {
        private EmbeddedMariaDb db;

        TestDatabase() {
            int port = Integer.parseInt(System.getProperty("it.db.port", "3317"));
            db = EmbeddedMariaDb.start(Path.of(System.getProperty("it.db.dir", "target/it-mariadb")), port);
        }

        /** kill -9 of the server. */
        public synchronized void crash() {
            db.kill();
        }

        /** The server again on the same data, as after a crash. */
        public synchronized void startAgain() {
            db = db.startAgain();
        }

        public int port() {
            return db.port();
        }

        @Override
        public synchronized void close() {
            db.close();
        }
    }
}
