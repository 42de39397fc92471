package org.examcert.platform.files;

import org.examcert.platform.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads an uploaded file with a size cap, so that an oversized upload is refused (413) after the
 * cap rather than read into memory whole first.
 */
public final class Uploads {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private Uploads() {
    }

    /** The refusal of an upload over {@link #MAX_BYTES}, with the limit in MB. */
    public static Problem tooLarge() {
        return new Problem(413, "upload.too-large", java.util.List.of(MAX_BYTES / (1024 * 1024)), java.util.List.of());
    }

    /** The upload's bytes; 400 when empty, 413 when larger than {@link #MAX_BYTES}. */
    public static byte[] read(InputStream upload) {
        if (upload == null) {
            throw Problem.badRequest("upload.empty");
        }
        try (InputStream in = upload) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length == 0) {
                throw Problem.badRequest("upload.empty");
            }
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
