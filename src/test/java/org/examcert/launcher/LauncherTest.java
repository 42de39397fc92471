package org.examcert.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    private static final Path PRE_BOOT = Path.of("src/main/payara/pre-boot-commands.asadmin");
    private static final Path POST_DEPLOY = Path.of("src/main/payara/post-deploy-commands.asadmin");
    private static final String LISTENER = "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=";

    @ParameterizedTest(name = "[{index}] EXAMCERT_PAYARA_ARGS=''{0}''")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "null;                                 ''",
            "'  ';                                 ''",
            "--maxhttpthreads 32;                  --maxhttpthreads 32",
            "' --maxhttpthreads   32  --nocluster'; --maxhttpthreads 32 --nocluster",
    })
    void passesBothCommandFilesAndTheOperatorsOptionsBeforeTheDeployment(String extra, String passed) {
        List<String> command = Launcher.payaraMicro(List.of("-Xmx1g"), Path.of("payara-micro.jar"), 8080, PRE_BOOT, POST_DEPLOY,
                Path.of("examcert.war"), extra);

        String line = String.join(" ", command);
        assertTrue(line.contains("-Xmx1g -jar payara-micro.jar "), line);
        assertTrue(line.contains("--prebootcommandfile " + PRE_BOOT + " --postdeploycommandfile " + POST_DEPLOY), line);
        String expectedTail = (passed.isEmpty() ? "" : " " + passed) + " --deploy examcert.war";
        assertTrue(line.endsWith("--maxhttpthreads " + Launcher.MAX_HTTP_THREADS + " --prebootcommandfile " + PRE_BOOT
                + " --postdeploycommandfile " + POST_DEPLOY + expectedTail), line);
    }

    /** Without the post-deploy file the port would never open; without the pre-boot line it would open before the WAR is deployed. */
    @ParameterizedTest(name = "[{index}] {0} sets enabled={1} as its last listener command")
    @CsvSource({
            "src/main/payara/pre-boot-commands.asadmin,   false",
            "src/main/payara/post-deploy-commands.asadmin, true",
    })
    void thePortIsClosedBeforeBootAndOpenedAfterTheDeployment(Path file, String enabled) throws Exception {
        List<String> listener = Files.readAllLines(file).stream().filter(l -> l.startsWith(LISTENER)).toList();
        assertEquals(List.of(LISTENER + enabled), listener, file.toString());
    }
}
