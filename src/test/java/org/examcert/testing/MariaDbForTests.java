package org.examcert.testing;

import org.examcert.launcher.EmbeddedMariaDb;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * Starts the embedded MariaDB once for the whole test run (on the port the build reserved), before
 * Arquillian starts Payara Micro, and stops it when the run ends. Payara reaches it through the
 * examcert.db.url that arquillian.xml passes on.
 */
public class MariaDbForTests implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MariaDbForTests.class, key -> new Server(), Server.class);
    }

    private static final class Server implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedMariaDb db;

        Server() {
            int port = Integer.parseInt(System.getProperty("it.db.port", "3317"));
            db = EmbeddedMariaDb.start(Path.of(System.getProperty("it.db.dir", "target/it-mariadb")), port);
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
