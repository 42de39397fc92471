package org.examcert.platform.database;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * MariaDB as a plain (non-XA) DataSource. MariaDbDataSource is also an XADataSource, which makes
 * the server run every transaction as XA (XA START/END/COMMIT round trips and the JTS coordinator)
 * although examcert has a single resource. Exposing only {@link DataSource} gives local
 * transactions; the container sets url, user and password through the setters below.
 */
public class LocalMariaDbDataSource implements DataSource {

    private final MariaDbDataSource delegate = new MariaDbDataSource();

    public void setUrl(String url) throws SQLException {
        delegate.setUrl(withDriverDefaults(url));
    }

    /**
     * The driver options examcert relies on, each added unless the URL sets it:
     * <ul>
     * <li>{@code connectTimeout=3000}: the driver waits 30 s for a connection by default, and while
     * the database is away every request would hang that long;</li>
     * <li>{@code useServerPrepStmts=true}: by default the driver sends a statement's whole text on
     * every execution and MariaDB parses it again each time, a fifth of the database's work for an
     * answer's save (docs/capacity.md, "Prepared on the server"); prepared on the server, a statement
     * is parsed once per connection and then only executed;</li>
     * <li>{@code prepStmtCacheSize=100}: the statements each connection keeps prepared. The server
     * holds at most max_prepared_stmt_count of them for all connections together (16,382 by
     * default): 64 pooled connections × 100 leave room for a second instance.</li>
     * </ul>
     */
    static String withDriverDefaults(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder withDefaults = new StringBuilder(url);
        for (Map.Entry<String, String> option : DRIVER_DEFAULTS) {
            if (!url.contains(option.getKey() + "=")) {
                withDefaults.append(withDefaults.indexOf("?") < 0 ? '?' : '&').append(option.getKey()).append('=').append(option.getValue());
            }
        }
        return withDefaults.toString();
    }

    static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private static final List<Map.Entry<String, String>> DRIVER_DEFAULTS = List.of(
            Map.entry("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS)),
            Map.entry("useServerPrepStmts", "true"),
            Map.entry("prepStmtCacheSize", "100"));

    public String getUrl() {
        return delegate.getUrl();
    }

    public void setUser(String user) throws SQLException {
        delegate.setUser(user);
    }

    public String getUser() {
        return delegate.getUser();
    }

    public void setPassword(String password) throws SQLException {
        delegate.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used by the MariaDB driver");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
