package org.examcert.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The address a request comes from: the socket's peer, unless that peer is a configured trusted proxy
 * (HAProxy in front of the instances). Then X-Forwarded-For is read from the right, skipping trusted
 * proxies, and the first other address is the client: entries further left were written by the client
 * itself and prove nothing.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param peer           the socket's remote address
     * @param forwardedFor   every X-Forwarded-For header line, in order (each may list several addresses)
     * @param trustedProxies addresses whose X-Forwarded-For is believed; empty: the header is ignored
     */
    public static String of(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        String address = peer == null || peer.isBlank() ? "unknown" : peer.strip();
        if (!trustedProxies.contains(address) || forwardedFor == null) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return address;
    }
}
