package org.examcert.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on a plain socket, for load where the client must cost little CPU and
 * must see exactly what the server did: an answer, a connection closed without one, or silence.
 * One connection; requests one after another (keep-alive) or one request with {@code Connection: close}.
 * Reads a body by Content-Length, chunked, or to the end of the connection.
 */
final class RawHttp implements AutoCloseable {

    /** The server closed the connection (or reset it) before a whole answer arrived. */
    static final class ClosedWithoutAnswer extends IOException {
        ClosedWithoutAnswer(String message) {
            super(message);
        }
    }

    /** One answer: its status, its Retry-After header (-1 when absent) and its body. */
    record Answer(int status, int retryAfterSeconds, String body, boolean serverCloses) {
    }

    private final Socket socket;
    /** The last answer said the server closes this connection (Connection: close): it takes no more requests. */
    private boolean closing;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    /**
     * Connects to 127.0.0.1 (nothing else is ever asked) within {@code timeoutMillis}, which is also
     * the longest any later read may wait.
     */
    RawHttp(int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        host = "127.0.0.1:" + port;
    }

    /** Sends one request with a JSON body (or none when null) and reads its whole answer. */
    Answer exchange(String method, String path, String bearer, String jsonBody, boolean close) throws IOException {
        byte[] request = request(host, method, path, bearer, jsonBody, close);
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw new ClosedWithoutAnswer("closed before the request was sent: " + e.getMessage());
        }
        return read(close);
    }

    private Answer read(boolean close) throws IOException {
        String statusLine;
        try {
            statusLine = line();
        } catch (EOFException | java.net.SocketException e) {
            throw new ClosedWithoutAnswer("closed before the status line: " + e.getMessage());
        }
        try {
            List<String> headers = new ArrayList<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                headers.add(header);
            }
            Head head = Head.of(statusLine, headers);
            boolean serverCloses = close || head.closes();
            ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
            if (head.chunked()) {
                for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) {
                    copy(size, bodyBytes);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used by examcert; read past them
                }
            } else if (head.contentLength() >= 0) {
                copy(head.contentLength(), bodyBytes);
            } else if (serverCloses) {
                in.transferTo(bodyBytes);
            }
            closing = serverCloses;
            return head.answer(bodyBytes.toString(StandardCharsets.UTF_8), serverCloses);
        } catch (EOFException | java.net.SocketException e) {
            throw new ClosedWithoutAnswer("closed in the middle of the answer '" + statusLine + "': " + e.getMessage());
        }
    }

    /** What an answer's status line and headers say (Content-Length -1 when absent, Retry-After -1 when absent). */
    record Head(int status, long contentLength, boolean chunked, boolean closes, int retryAfterSeconds) {

        static Head of(String statusLine, List<String> headers) throws IOException {
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            int retryAfter = -1;
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closes |= value.equalsIgnoreCase("close");
                    case "retry-after" -> retryAfter = parseSeconds(value);
                    default -> { }
                }
            }
            return new Head(Integer.parseInt(parts[1]), length, chunked, closes, retryAfter);
        }

        /** The answer this head begins, with its body; {@code closes}: the connection ends after it. */
        Answer answer(String body, boolean closes) {
            return new Answer(status, retryAfterSeconds, body, closes);
        }
    }

    /**
     * The bytes of one request to {@code host} (as the candidate app sends it: JSON accepted, the CSRF
     * header), with a JSON body or none when null; {@code Connection: close} when {@code close}.
     */
    static byte[] request(String host, String method, String path, String bearer, String jsonBody, boolean close) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nAccept: application/json\r\nX-Examcert-Csrf: 1\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** A Retry-After value in seconds; 0 for an HTTP date (present, but not a number of seconds). */
    static int parseSeconds(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the body ended " + left + " bytes early");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** Whether this connection may carry another request (the server did not say it closes it). */
    boolean reusable() {
        return !closing;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket we are done with: nothing to do about a failure
        }
    }
}
