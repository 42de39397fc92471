package org.examcert.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the benchmark's socket client makes of what a server writes back: an answer, or a connection closed without one. */
class RawHttpTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("content length", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\n{\"a\":", 201, -1, "{\"a\":"),
                Arguments.of("chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n", 200, -1, "abcde"),
                Arguments.of("503 with Retry-After", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nContent-Length: 2\r\n\r\n{}",
                        503, 3, "{}"),
                Arguments.of("Retry-After as a date", "HTTP/1.1 503 Service Unavailable\r\nretry-after: Wed, 21 Oct 2015 07:28:00 GMT\r\n"
                        + "Content-Length: 0\r\n\r\n", 503, 0, ""),
                Arguments.of("body to the end of the connection", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil eof", 200, -1, "until eof"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void readsTheAnswer(String name, String written, int status, int retryAfter, String body) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> request = serve(server, written);
            try (RawHttp http = new RawHttp(server.getLocalPort(), 5_000)) {
                RawHttp.Answer answer = http.exchange("POST", "/api/x", "token", "{}", true);
                assertEquals(status, answer.status());
                assertEquals(retryAfter, answer.retryAfterSeconds());
                assertEquals(body, answer.body());
            }
            assertEquals("POST /api/x HTTP/1.1", request.get().lines().findFirst().orElseThrow());
        }
    }

    static Stream<Arguments> closed() {
        return Stream.of(
                Arguments.of("nothing at all", ""),
                Arguments.of("half a status line", "HTTP/1.1 20"),
                Arguments.of("headers cut off", "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n"),
                Arguments.of("body shorter than announced", "HTTP/1.1 201 Created\r\nContent-Length: 50\r\n\r\n{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closed")
    void closedWithoutAWholeAnswer(String name, String written) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serve(server, written);
            try (RawHttp http = new RawHttp(server.getLocalPort(), 5_000)) {
                assertThrows(RawHttp.ClosedWithoutAnswer.class, () -> http.exchange("POST", "/api/x", "token", "{}", true));
            }
        }
    }

    /** Accepts one connection, reads the request's head and body, writes {@code answer} and closes. */
    private static CompletableFuture<String> serve(ServerSocket server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                while (!request.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n{}")) {
                    request.write(in.read());
                }
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return request.toString(StandardCharsets.US_ASCII);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
