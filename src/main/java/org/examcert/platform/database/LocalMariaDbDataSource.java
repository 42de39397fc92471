package org.examcert.platform.database;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
        delegate.setUrl(withConnectTimeout(url));
    }

    /**
     * The driver waits 30 s for a connection by default: while the database is away every request
     * would hang that long. A URL that sets its own connectTimeout keeps it.
     */
    static String withConnectTimeout(String url) {
        if (url == null || url.contains("connectTimeout=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + CONNECT_TIMEOUT_MILLIS;
    }

    static final int CONNECT_TIMEOUT_MILLIS = 3000;

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
