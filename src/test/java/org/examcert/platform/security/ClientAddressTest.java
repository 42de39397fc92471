package org.examcert.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    @ParameterizedTest(name = "{0}: peer {1}, X-Forwarded-For [{2}], trusted [{3}] → {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "no proxy configured: the header is anyone's claim | 203.0.113.7 | 10.0.0.1            | ''                  | 203.0.113.7",
            "no header                                         | 203.0.113.7 | null                 | ''                  | 203.0.113.7",
            "an untrusted peer cannot pick its address          | 203.0.113.7 | 10.0.0.1            | 10.0.0.2            | 203.0.113.7",
            "behind HAProxy                                     | 10.0.0.2    | 198.51.100.4        | 10.0.0.2            | 198.51.100.4",
            "a client's forged entry is left of the real one    | 10.0.0.2    | 1.2.3.4, 198.51.100.4 | 10.0.0.2          | 198.51.100.4",
            "two trusted proxies in a row                       | 10.0.0.2    | 198.51.100.4; 10.0.0.3 | 10.0.0.2 10.0.0.3 | 198.51.100.4",
            "header lines are read in order                     | 10.0.0.2    | 1.2.3.4; 198.51.100.4 | 10.0.0.2          | 198.51.100.4",
            "only proxies listed: the peer itself               | 10.0.0.2    | 10.0.0.2            | 10.0.0.2            | 10.0.0.2",
            "an empty header                                    | 10.0.0.2    | ' '                 | 10.0.0.2            | 10.0.0.2",
            "IPv6 peer                                          | 0:0:0:0:0:0:0:1 | null             | ''                  | 0:0:0:0:0:0:0:1",
            "no peer at all                                     | ''          | null                 | ''                  | unknown"})
    void theClientIsTheFirstUntrustedHopFromTheRight(String why, String peer, String forwardedFor, String trusted, String client) {
        List<String> lines = forwardedFor == null ? null : Arrays.asList(forwardedFor.split(";"));
        Set<String> proxies = trusted.isBlank() ? Set.of() : Set.of(trusted.strip().split(" "));
        assertEquals(client, ClientAddress.of(peer, lines, proxies), why);
    }
}
