package org.examcert.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes straight into the test database, for data the API rightly refuses today but older
 * versions stored (a name the certificate fonts lack, an address that is not one).
 */
public final class Sql {

    private Sql() {
    }

    public static int update(String sql, Object... args) {
        String url = "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port", "3317") + "/examcert_it";
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }
}
