package org.examcert.platform;

import java.time.ZoneId;

/**
 * Vietnam's time zone, declared once: the day printed on certificates and exports, the day a
 * candidate's age is counted on. Instants are stored and compared in UTC everywhere else.
 */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {
    }
}
