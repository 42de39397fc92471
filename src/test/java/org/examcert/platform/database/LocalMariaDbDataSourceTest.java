package org.examcert.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LocalMariaDbDataSourceTest {

    private static final String DEFAULTS = "connectTimeout=3000&useServerPrepStmts=true&prepStmtCacheSize=100";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:mariadb://db:3306/examcert|jdbc:mariadb://db:3306/examcert?" + DEFAULTS,
            "jdbc:mariadb://127.0.0.1:3316/examcert?createDatabaseIfNotExist=true|jdbc:mariadb://127.0.0.1:3316/examcert?createDatabaseIfNotExist=true&" + DEFAULTS,
            "jdbc:mariadb://db/examcert?connectTimeout=10000|jdbc:mariadb://db/examcert?connectTimeout=10000&useServerPrepStmts=true&prepStmtCacheSize=100",
            "jdbc:mariadb://db/examcert?useServerPrepStmts=false|jdbc:mariadb://db/examcert?useServerPrepStmts=false&connectTimeout=3000&prepStmtCacheSize=100",
            "jdbc:mariadb://db/examcert?prepStmtCacheSize=20&connectTimeout=500&useServerPrepStmts=false|jdbc:mariadb://db/examcert?prepStmtCacheSize=20&connectTimeout=500&useServerPrepStmts=false",
    })
    void optionsTheUrlDoesNotSetAreAdded(String url, String used) {
        assertEquals(used, LocalMariaDbDataSource.withDriverDefaults(url));
    }

    @Test
    void noUrlStaysNoUrl() {
        assertNull(LocalMariaDbDataSource.withDriverDefaults(null));
    }
}
