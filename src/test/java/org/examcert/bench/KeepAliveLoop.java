package org.examcert.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A closed loop on keep-alive connections, each carrying one request at a time, all driven by one
 * thread over a selector. The generator shares the two cores with the service: with a blocked
 * thread per connection it cost about 0.07-0.10 ms of CPU per save (a thread woken for every answer),
 * as much as the database's part of the save (docs/benchmarks.md, run I). Only 127.0.0.1 is asked;
 * the loop ends at its deadline once the requests under way are answered (or waited for
 * {@code answerWaitNanos}).
 */
final class KeepAliveLoop {

    /** One request and what follows its answer. */
    record Call(byte[] request, Answered then) {
    }

    interface Answered {
        /** The answer and its latency; returns the nanoseconds this connection waits before its next request. */
        long answered(RawHttp.Answer answer, long nanos);
    }

    interface Calls {
        /** The next request, or null when there is nothing left to ask. */
        Call next();
    }

    /** What the loop saw go wrong: connections closed, reset or silent before a whole answer. */
    interface Broken {
        void connectionBroken();
    }

    private enum State { IDLE, CONNECTING, SENDING, RECEIVING, DONE }

    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        State state = State.IDLE;
        Call call;
        ByteBuffer out;
        byte[] in = new byte[16 * 1024];
        int inLength;
        long sentAt;
        long resumeAt;
    }

    private final InetSocketAddress address;
    private final long end;
    private final long answerWaitNanos;
    private final Calls calls;
    private final Broken broken;
    private final Selector selector;
    private final ByteBuffer reading = ByteBuffer.allocateDirect(64 * 1024);

    private KeepAliveLoop(int port, long end, long answerWaitNanos, Calls calls, Broken broken) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.end = end;
        this.answerWaitNanos = answerWaitNanos;
        this.calls = calls;
        this.broken = broken;
        this.selector = Selector.open();
    }

    /** Runs {@code connections} connections until {@code end} (System.nanoTime) or until {@code calls} has nothing left. */
    static void run(int port, int connections, long end, long answerWaitNanos, Calls calls, Broken broken) throws IOException {
        KeepAliveLoop loop = new KeepAliveLoop(port, end, answerWaitNanos, calls, broken);
        try {
            loop.drive(connections);
        } finally {
            loop.selector.close();
        }
    }

    private void drive(int count) throws IOException {
        List<Connection> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            connections.add(new Connection());
        }
        while (true) {
            long now = System.nanoTime();
            long nextWake = now + TimeUnit.MILLISECONDS.toNanos(50);
            boolean live = false;
            for (Connection c : connections) {
                // a client waiting out a Retry-After past the deadline is done at the deadline
                if (c.state == State.IDLE && (now >= c.resumeAt || now >= end)) {
                    issue(c, now);
                }
                if (c.state == State.IDLE) {
                    nextWake = Math.min(nextWake, Math.min(c.resumeAt, end));
                } else if (c.state != State.DONE && now - c.sentAt > answerWaitNanos) {
                    fail(c, now); // silent too long: counted as broken, as a read timeout was
                }
                live |= c.state != State.DONE;
            }
            if (!live) {
                return;
            }
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextWake - now));
            if (selector.select(waitMillis) == 0) {
                continue;
            }
            now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Connection c = (Connection) key.attachment();
                try {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        c.channel.finishConnect();
                        send(c);
                    } else if (key.isWritable()) {
                        send(c);
                    } else if (key.isReadable()) {
                        receive(c, now);
                    }
                } catch (IOException e) {
                    fail(c, now);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void issue(Connection c, long now) {
        Call call = now >= end ? null : calls.next();
        if (call == null) {
            close(c);
            c.state = State.DONE;
            return;
        }
        c.call = call;
        c.out = ByteBuffer.wrap(call.request());
        c.inLength = 0;
        c.sentAt = System.nanoTime();
        try {
            if (c.channel == null) {
                c.channel = SocketChannel.open();
                c.channel.configureBlocking(false);
                c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c.key = c.channel.register(selector, 0, c);
                if (!c.channel.connect(address)) {
                    c.state = State.CONNECTING;
                    c.key.interestOps(SelectionKey.OP_CONNECT);
                    return;
                }
            }
            send(c);
        } catch (IOException e) {
            fail(c, now);
        }
    }

    private void send(Connection c) throws IOException {
        c.channel.write(c.out);
        if (c.out.hasRemaining()) {
            c.state = State.SENDING;
            c.key.interestOps(SelectionKey.OP_WRITE);
        } else {
            c.state = State.RECEIVING;
            c.key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void receive(Connection c, long now) throws IOException {
        boolean eof = false;
        while (true) {
            reading.clear();
            int n = c.channel.read(reading);
            if (n < 0) {
                eof = true;
                break;
            }
            if (n == 0) {
                break;
            }
            if (c.inLength + n > c.in.length) {
                c.in = Arrays.copyOf(c.in, Math.max(c.in.length * 2, c.inLength + n));
            }
            reading.flip();
            reading.get(c.in, c.inLength, n);
            c.inLength += n;
            if (n < reading.capacity()) {
                break; // all there was: the selector says when more comes (one read per answer, not two)
            }
        }
        Parsed parsed = parse(c.in, c.inLength, eof);
        if (parsed == null) {
            if (eof) {
                throw new RawHttp.ClosedWithoutAnswer("closed before a whole answer");
            }
            return;
        }
        long wait = c.call.then().answered(parsed.answer(), now - c.sentAt);
        if (parsed.answer().serverCloses() || eof) {
            close(c);
        }
        c.state = State.IDLE;
        c.resumeAt = now + wait;
        if (wait <= 0) {
            issue(c, now);
        } else if (c.key != null) {
            c.key.interestOps(0);
        }
    }

    private void fail(Connection c, long now) {
        broken.connectionBroken();
        close(c);
        c.state = State.IDLE;
        c.resumeAt = now;
    }

    private static void close(Connection c) {
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // a connection we are done with: nothing to do about a failure to close it
            }
        }
        c.channel = null;
        c.key = null;
    }

    /** A whole answer and the bytes it took. */
    record Parsed(RawHttp.Answer answer, int length) {
    }

    /**
     * The answer at the start of {@code bytes[0, length)}: null while it is not all there (or, at the
     * end of the connection, when it never will be). A body by Content-Length, chunked, or to the end
     * of the connection ({@code eof}). Throws when the bytes are not an HTTP answer (the connection
     * is then counted as broken).
     */
    static Parsed parse(byte[] bytes, int length, boolean eof) throws IOException {
        int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        List<String> lines = List.of(new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n"));
        RawHttp.Head head = RawHttp.Head.of(lines.get(0), lines.subList(1, lines.size()));
        int bodyStart = headEnd + 4;
        if (head.chunked()) {
            StringBuilder body = new StringBuilder();
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(bytes, at, length, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    // trailers (examcert sends none) up to an empty line
                    while (true) {
                        int trailerEnd = indexOf(bytes, at, length, "\r\n");
                        if (trailerEnd < 0) {
                            return null;
                        }
                        boolean empty = trailerEnd == at;
                        at = trailerEnd + 2;
                        if (empty) {
                            return new Parsed(head.answer(body.toString(), head.closes()), at);
                        }
                    }
                }
                if (at + size + 2 > length) {
                    return null;
                }
                body.append(new String(bytes, at, size, StandardCharsets.UTF_8));
                at += size + 2;
            }
        }
        if (head.contentLength() >= 0) {
            if (bodyStart + head.contentLength() > length) {
                return null;
            }
            return new Parsed(head.answer(
                    new String(bytes, bodyStart, (int) head.contentLength(), StandardCharsets.UTF_8), head.closes()), bodyStart + (int) head.contentLength());
        }
        if (head.closes() && eof) {
            return new Parsed(head.answer(new String(bytes, bodyStart, length - bodyStart, StandardCharsets.UTF_8), true), length);
        }
        return null;
    }

    private static int indexOf(byte[] bytes, int from, int to, String ascii) {
        outer:
        for (int i = from; i <= to - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
