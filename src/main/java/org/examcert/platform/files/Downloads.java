package org.examcert.platform.files;

import jakarta.ws.rs.core.Response;

/** Files the console hands out (exports, templates): one media type and one way to name the file. */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** The bytes as a file the browser saves under {@code fileName} (ASCII: the names are built from codes). */
    public static Response attachment(byte[] bytes, String fileName) {
        return Response.ok(bytes).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
