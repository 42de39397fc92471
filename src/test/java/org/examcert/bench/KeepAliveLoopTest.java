package org.examcert.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selector-driven closed loop: what it makes of the bytes a server writes, and the loop itself against a small server. */
class KeepAliveLoopTest {

    static Stream<Arguments> whole() {
        return Stream.of(
                Arguments.of("content length", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\n{\"a\":", 201, -1, "{\"a\":", false),
                Arguments.of("chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n", 200, -1, "abcde",
                        false),
                Arguments.of("503 with Retry-After, closing", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nConnection: close\r\n"
                        + "Content-Length: 2\r\n\r\n{}", 503, 3, "{}", true),
                Arguments.of("Vietnamese body", "HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n\"Bắt đầu\"", 200, -1, "\"Bắt đầu\"", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whole")
    void readsAWholeAnswer(String name, String written, int status, int retryAfter, String body, boolean closes) throws Exception {
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        KeepAliveLoop.Parsed parsed = KeepAliveLoop.parse(bytes, bytes.length, false);
        assertEquals(status, parsed.answer().status());
        assertEquals(retryAfter, parsed.answer().retryAfterSeconds());
        assertEquals(body, parsed.answer().body());
        assertEquals(closes, parsed.answer().serverCloses());
        assertEquals(bytes.length, parsed.length());
    }

    static Stream<Arguments> partial() {
        return Stream.of(
                Arguments.of("half a status line", "HTTP/1.1 20"),
                Arguments.of("headers not ended", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n"),
                Arguments.of("body shorter than announced", "HTTP/1.1 201 Created\r\nContent-Length: 50\r\n\r\n{}"),
                Arguments.of("chunk cut off", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab"),
                Arguments.of("no last chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"),
                Arguments.of("body to the end, not ended", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partial")
    void waitsForTheRest(String name, String written) throws Exception {
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        assertNull(KeepAliveLoop.parse(bytes, bytes.length, false));
    }

    @Test
    void aBodyToTheEndOfTheConnectionEndsWithIt() throws Exception {
        byte[] bytes = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil eof".getBytes(StandardCharsets.US_ASCII);
        assertEquals("until eof", KeepAliveLoop.parse(bytes, bytes.length, true).answer().body());
    }

    @Test
    void bytesThatAreNoHttpAnswerAreRefused() {
        byte[] bytes = "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(java.io.IOException.class, () -> KeepAliveLoop.parse(bytes, bytes.length, false));
    }

    /**
     * A server that answers every request on a connection with 200, except every third connection's
     * second request, answered 503 + Connection: close: the loop asks until its calls run out, one
     * request at a time per connection, and opens a new connection after a close that leaves calls
     * to make (a close that comes after the last call was handed out ends that connection).
     */
    @Test
    void asksUntilTheCallsRunOutOnKeptAliveConnections() throws Exception {
        try (ServerSocket server = server()) {
            AtomicInteger asked = new AtomicInteger();
            List<Integer> statuses = new ArrayList<>();
            AtomicInteger closedWithCallsLeft = new AtomicInteger();
            AtomicInteger broken = new AtomicInteger();
            KeepAliveLoop.run(server.getLocalPort(), 4, System.nanoTime() + TimeUnit.SECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(5),
                    () -> asked.get() == 40 ? null : new KeepAliveLoop.Call(request(asked.incrementAndGet()), (answer, nanos) -> {
                        statuses.add(answer.status());
                        // the loop's one thread asks for this connection's next call right after this
                        if (answer.serverCloses() && asked.get() < 40) {
                            closedWithCallsLeft.incrementAndGet();
                        }
                        return 0;
                    }), broken::incrementAndGet);
            assertEquals(40, statuses.size());
            assertEquals(0, broken.get());
            assertTrue(statuses.contains(503), "the third connection refuses its second request: " + statuses);
            assertEquals(4 + closedWithCallsLeft.get(), accepted.get(),
                    "connections opened: the first four and one after each close with calls left");
        }
    }

    /** A client told to wait beyond the loop's deadline does not hold the loop past it. */
    @Test
    void aWaitBeyondTheDeadlineEndsAtTheDeadline() throws Exception {
        try (ServerSocket server = server()) {
            AtomicInteger asked = new AtomicInteger();
            long began = System.nanoTime();
            KeepAliveLoop.run(server.getLocalPort(), 3, began + TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(5),
                    () -> new KeepAliveLoop.Call(request(asked.incrementAndGet()), (answer, nanos) -> TimeUnit.SECONDS.toNanos(30)),
                    () -> { });
            assertEquals(3, asked.get(), "each connection asked once, then waited");
            assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5), "ended at the deadline, not after the 30 s wait");
        }
    }

    private static byte[] request(int n) {
        return RawHttp.request("127.0.0.1", "PUT", "/x/" + n, "t", "{}", false);
    }

    /** Connections the test server accepted. */
    private final AtomicInteger accepted = new AtomicInteger();

    private ServerSocket server() throws java.io.IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    int connection = accepted.incrementAndGet();
                    Thread answering = new Thread(() -> answer(socket, connection));
                    answering.setDaemon(true);
                    answering.start();
                } catch (Exception e) {
                    return;
                }
            }
        });
        serving.setDaemon(true);
        serving.start();
        return server;
    }

    private static void answer(Socket socket, int connection) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            for (int request = 1; ; request++) {
                int length = 0;
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                in.skip(length);
                if (connection % 3 == 0 && request == 2) {
                    out.write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                String body = String.valueOf(request);
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception e) {
            // the client closed the connection: this connection is done
        }
    }
}
