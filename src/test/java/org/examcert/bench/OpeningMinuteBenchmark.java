package org.examcert.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The opening minute, measured in one run against a running examcert (the launcher, README "Run"):
 * the JDBC anchor on the same MariaDB; closed-loop start and save capacity (start capacity for
 * candidates whose sessions the service has seen once, as their log-in before the opening does,
 * and, apart, for sessions it meets for the first time); then starts arriving
 * open-loop at 2× and 5× the measured start capacity, each on its own new connection, refused
 * candidates coming back after Retry-After (plus up to half again as jitter, like the candidate app).
 * The door holds when every request is answered 2xx or 503 with Retry-After: no closed connection,
 * no connection refused, nothing unanswered after 30 s, no other status. Prints a markdown report
 * (also written to {@code --out}); every throughput is also given as a ratio to the anchor.
 * Only 127.0.0.1 is ever asked; every loop is bounded in time; the program ends by itself.
 */
public final class OpeningMinuteBenchmark {

    private static final int ANSWER_WAIT_MILLIS = 30_000;

    private final Map<String, String> opts;
    private final int port;
    private final String jdbcUrl;
    private final byte[] key;
    private final List<String> report = new ArrayList<>();
    private double anchor;
    /** The next candidate who has not started yet, across the warm-up and the measured start loop. */
    private final AtomicInteger nextFreshCandidate = new AtomicInteger();

    private OpeningMinuteBenchmark(Map<String, String> opts) {
        this.opts = opts;
        this.port = integer("port");
        this.jdbcUrl = "jdbc:mariadb://127.0.0.1:" + integer("db-port") + "/";
        this.key = opts.get("secret").getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of(
                "port", System.getenv().getOrDefault("EXAMCERT_HTTP_PORT", "8080"),
                "db-port", System.getenv().getOrDefault("EXAMCERT_EMBEDDED_DB_PORT", "3316"),
                "secret", System.getenv().getOrDefault("EXAMCERT_AUTH_SECRET", ""),
                "admin-email", System.getenv().getOrDefault("EXAMCERT_ADMIN_EMAIL", ""),
                "admin-password", System.getenv().getOrDefault("EXAMCERT_ADMIN_PASSWORD", ""),
                "anchor-seconds", "10", "connections", "64", "closed-seconds", "15", "open-seconds", "15", "warmup-seconds", "3"));
        opts.putAll(Map.of("multiples", "2,5", "max-threads", "1500", "drain-seconds", "90", "max-tries", "40",
                "closed-candidates", "40000", "out", "target/opening-minute.md", "logins", "3000", "login-connections", "16",
                "closed-warmup-seconds", "10"));
        opts.putAll(Map.of("exam-candidates", "20000", "exam-ramp-seconds", "60", "exam-save-every", "20", "exam-seconds", "120",
                "queued-answers", "10", "sessions-seen", "true"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (!opts.containsKey(kv[0]) || kv.length < 2) {
                throw new IllegalArgumentException("unknown option " + arg + "; options: " + new TreeMap<>(opts).keySet());
            }
            opts.put(kv[0], kv[1]);
        }
        if (opts.get("secret").length() < 32) {
            throw new IllegalArgumentException("pass --secret= (or EXAMCERT_AUTH_SECRET), the service's signing key, ≥ 32 characters");
        }
        OpeningMinuteBenchmark bench = new OpeningMinuteBenchmark(opts);
        bench.run();
        System.exit(0);
    }

    private void run() throws Exception {
        line("# The opening minute — %s, %d cores, service on 127.0.0.1:%d", Instant.now(), Runtime.getRuntime().availableProcessors(), port);
        line("");
        int connections = integer("connections");
        var database = ProcessCpu.find("mariadbd", "--port=" + integer("db-port"));
        long database0 = database.map(p -> p.millis().orElse(-1)).orElse(-1L);
        long client0 = ProcessCpu.self().millis().orElse(-1);
        anchor = JdbcAnchor.upsertsPerSecond(jdbcUrl + "bench_anchor?createDatabaseIfNotExist=true", connections,
                Duration.ofSeconds(integer("anchor-seconds")));
        long database1 = database.map(p -> p.millis().orElse(-1)).orElse(-1L);
        long client1 = ProcessCpu.self().millis().orElse(-1);
        double upserts = anchor * integer("anchor-seconds");
        line("Anchor: raw JDBC durable single-row upserts, %d connections, %d s, same MariaDB: **%.0f/s** (CPU ms per upsert: database %s,"
                        + " JDBC client %s)", connections, integer("anchor-seconds"), anchor,
                database0 < 0 || database1 < 0 ? "unknown" : String.format("%.3f", (database1 - database0) / upserts),
                client0 < 0 || client1 < 0 ? "unknown" : String.format("%.3f", (client1 - client0) / upserts));
        long contest = BenchData.contest(URI.create("http://127.0.0.1:" + port + "/"), opts.get("admin-email"), opts.get("admin-password"));
        String startPath = "/api/contests/" + contest + "/attempts";
        line("Contest %d (30 questions drawn per start).", contest);
        line("");

        List<String> tokens = BenchData.candidates(jdbcUrl + "examcert", key, integer("closed-candidates"));
        boolean seen = Boolean.parseBoolean(opts.get("sessions-seen"));
        if (seen) {
            // as their log-in before the opening would (README): the service has read each session's generation once
            Closed shown = closedOnce("session shown", tokens.size(), new AtomicInteger(), connections, 600,
                    candidate -> request("GET", "/api/me", tokens.get(candidate), null), (a, candidate) -> { });
            line("Sessions of the %d closed-loop candidates shown to the service first (GET /api/me, %d served in %.0f s), as"
                    + " their log-in before the opening would.", tokens.size(), shown.served.size(), shown.seconds);
            line("");
        }
        List<Paper> papers = new ArrayList<>();
        // a warm-up of each closed loop first, unmeasured: the JIT compiles the paths (its CPU counts as the service's)
        int warmup = integer("closed-warmup-seconds");
        closedStarts(startPath, tokens, nextFreshCandidate, connections, warmup, papers, seen);
        closedSaves(papers, connections, warmup, 1);
        Closed starts = closedStarts(startPath, tokens, nextFreshCandidate, connections, integer("closed-seconds"), papers, seen);
        double capacity = starts.served.size() / starts.seconds;
        // the same for candidates whose session the service meets for the first time (one more statement each)
        Closed unseenStarts = seen ? closedStarts(startPath, BenchData.candidates(jdbcUrl + "examcert", key, integer("closed-candidates")),
                new AtomicInteger(), connections, integer("closed-seconds"), papers, false) : null;
        Closed saves = closedSaves(papers, connections, integer("closed-seconds"), 1);
        int queued = integer("queued-answers");
        Closed queues = queued > 1 ? closedSaves(papers, connections, integer("closed-seconds"), queued) : null;
        Closed logins = integer("logins") > 0 ? closedLogins(BenchData.withPassword(URI.create("http://127.0.0.1:" + port + "/"),
                jdbcUrl + "examcert", integer("logins")), integer("login-connections"), integer("closed-seconds")) : null;
        line("## Closed loop (%d keep-alive connections, each as fast as answered)", connections);
        line("");
        line("| operation | s | 2xx/s | × anchor | 503 share | other | broken | p50 2xx | p99 2xx | p99 503 | CPU ms per 2xx: service + database + generator |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        List<Closed> rows = new ArrayList<>(List.of(starts));
        if (unseenStarts != null) {
            rows.add(unseenStarts);
        }
        rows.add(saves);
        if (queues != null) {
            rows.add(queues);
        }
        if (logins != null) {
            rows.add(logins);
        }
        for (Closed c : rows) {
            double rate = c.served.size() / c.seconds;
            line("| %s | %.1f | %.0f | %.3f | %.1f %% %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %s |", c.name, c.seconds, rate, rate / anchor,
                    100.0 * c.refused.size() / Math.max(1, c.served.size() + c.refused.size()), c.refusedCodes.isEmpty() ? "" : c.refusedCodes,
                    c.other, c.broken,
                    c.served.pct(0.50), c.served.pct(0.99), c.refused.pct(0.99), c.cpuPerServed());
        }
        line("");
        line("Start capacity: **%.0f starts/s** (%.3f × anchor).", capacity, capacity / anchor);
        if (queues != null) {
            double requests = queues.served.size() / queues.seconds;
            line("");
            line("Queued answers sent together (%d per request, as the app does after a lost connection): %.0f requests/s,"
                    + " **%.0f answers/s** (%.3f × anchor); one answer per request: %.0f answers/s (%.3f × anchor).", queued, requests,
                    requests * queued, requests * queued / anchor, saves.served.size() / saves.seconds, saves.served.size() / saves.seconds / anchor);
        }
        line("");

        line("## Open loop: starts at a fixed arrival rate, each request on a new connection (`Connection: close`, 30 s to answer)");
        line("");
        line("Refused candidates come back after Retry-After plus up to half again (like the candidate app), at most %s tries,"
                + " until %s s after the last arrival. Rows: the measured %s s, and the %s s warm-up before it at the same rate.",
                opts.get("max-tries"), opts.get("drain-seconds"), opts.get("open-seconds"), opts.get("warmup-seconds"));
        line("");
        line("| run | arrivals/s | × anchor | candidates | requests | 2xx | 503 + Retry-After | 503 without | other status | closed unanswered"
                + " | connection refused | timeouts (30 s) | 2xx p50 / p99 | 503 p50 / p99 | with paper | time to paper p50 / p99 / max | /health after |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String multiple : "none".equals(opts.get("multiples")) ? new String[0] : opts.get("multiples").split(",")) {
            double m = Double.parseDouble(multiple.trim());
            double rate = m * capacity;
            OpenLoop run = new OpenLoop(startPath, rate, integer("warmup-seconds"), integer("open-seconds"), null);
            run.execute();
            for (Tally t : List.of(run.measured, run.warmup)) {
                line("| %s | %.0f | %.3f | %d | %d | %d | %d | %d | %s | %d | %d | %d | %.0f / %.0f ms | %.0f / %.0f ms | %d | %.1f / %.1f / %.1f s | %s |",
                        (t == run.warmup ? "warm-up " : "") + multiple.trim() + "× capacity", rate, rate / anchor, t.candidates, t.requests.get(),
                        t.served.size(), t.refusedWithRetryAfter.get(), t.refusedWithout.get(), t.otherStatuses(), t.closed.get(),
                        t.connectionRefused.get(), t.timeouts.get(), t.served.pct(0.5), t.served.pct(0.99), t.refused.pct(0.5), t.refused.pct(0.99),
                        t.paper.size(), t.paper.pct(0.5) / 1000, t.paper.pct(0.99) / 1000, t.paper.max() / 1000, run.healthAfter);
            }
            if (run.generatorDropped.get() > 0 || run.maxLagMillis.get() > 100) {
                line("| ↳ generator | %d arrivals dropped (all %s threads busy), latest send %d ms after its time | | | | | | | | | | | | | | | |",
                        run.generatorDropped.get(), opts.get("max-threads"), run.maxLagMillis.get());
            }
            if (!run.firstProblem.isEmpty()) {
                line("");
                line("First problem seen at %s×: %s", multiple.trim(), run.firstProblem);
            }
        }
        line("");
        line("Latencies count from the moment a request was due (a late generator is not hidden); time to paper from a candidate's first arrival.");
        if (integer("exam-candidates") > 0) {
            exam(startPath, contest);
        }
        Path out = Path.of(opts.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println("report written to " + out.toAbsolutePath());
    }

    /** A started attempt and its candidate's session, for the save loop. */
    private record Paper(long attemptId, String token) {
    }

    /** What a closed loop saw. */
    private static final class Closed {
        final String name;
        /** CPU milliseconds the service (Payara), the database and this generator used during the phase; -1 when unknown. */
        long serviceCpuMillis = -1;
        long databaseCpuMillis = -1;
        long generatorCpuMillis = -1;
        final Latencies served = new Latencies();
        final Latencies refused = new Latencies();
        final Map<Integer, Integer> other = new TreeMap<>();
        int broken;
        double seconds;

        Closed(String name) {
            this.name = name;
        }

        String cpuPerServed() {
            if (serviceCpuMillis < 0 || databaseCpuMillis < 0 || served.size() == 0) {
                return "unknown";
            }
            return String.format("%.2f + %.2f + %.2f", (double) serviceCpuMillis / served.size(), (double) databaseCpuMillis / served.size(),
                    (double) generatorCpuMillis / served.size());
        }

        /** The problem codes of the 503s: the door's (server.busy) or the database's (service.reconnecting). */
        final Map<String, Integer> refusedCodes = new TreeMap<>();

        synchronized void answer(RawHttp.Answer answer, long nanos) {
            int status = answer.status();
            if (status / 100 == 2) {
                served.add(nanos);
            } else if (status == 503) {
                refused.add(nanos);
                java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\"").matcher(answer.body());
                refusedCodes.merge(code.find() ? code.group(1) : "?", 1, Integer::sum);
            } else {
                other.merge(status, 1, Integer::sum);
            }
        }
    }

    /**
     * Starts as fast as 64 connections get them, each for a fresh candidate (a refused candidate is
     * asked again later: a 503 changed nothing). Ends after {@code seconds} or when candidates run out.
     */
    private Closed closedStarts(String path, List<String> tokens, AtomicInteger next, int connections, int seconds, List<Paper> papers,
                                boolean seen) throws Exception {
        return closedOnce(seen ? "start (fresh candidates, sessions seen)" : "start (fresh candidates, sessions not seen)", tokens.size(),
                next, connections, seconds,
                candidate -> request("POST", path, tokens.get(candidate), "{}"),
                (a, candidate) -> {
                    synchronized (papers) {
                        papers.add(new Paper(attemptId(a.body()), tokens.get(candidate)));
                    }
                });
    }

    /**
     * One request for each of {@code count} people, as fast as answered; a refused client (503) waits
     * Retry-After like the candidate app, and that person is asked again later.
     */
    private Closed closedOnce(String name, int count, AtomicInteger nextPerson, int connections, int seconds,
                              Ask ask, java.util.function.ObjIntConsumer<RawHttp.Answer> served) throws Exception {
        Closed result = new Closed(name);
        ArrayDeque<Integer> again = new ArrayDeque<>();
        long began = System.nanoTime();
        long end = began + TimeUnit.SECONDS.toNanos(seconds);
        long[] finished = {began};
        loop(connections, end, () -> {
            Integer next = again.poll();
            if (next == null) {
                next = nextPerson.getAndIncrement();
                if (next >= count) {
                    return null;
                }
            }
            int person = next;
            return new KeepAliveLoop.Call(ask.request(person), (a, nanos) -> {
                result.answer(a, nanos);
                finished[0] = System.nanoTime();
                if (a.status() / 100 == 2) {
                    served.accept(a, person);
                } else if (a.status() == 503) {
                    again.add(person);
                    // as the candidate app does: this client waits Retry-After (plus up to half again) before
                    // asking again, instead of hammering the door and measuring the cost of refusals
                    return (long) (Math.max(1, a.retryAfterSeconds()) * 1e9 * (1 + ThreadLocalRandom.current().nextDouble(0.5)));
                }
                return 0;
            });
        }, result);
        result.seconds = (Math.min(end, Math.max(finished[0], began + 1)) - began) / 1e9;
        return result;
    }

    private interface Ask {
        /** The request for this person. */
        byte[] request(int person);
    }

    /** A request on a keep-alive connection to the service. */
    private byte[] request(String method, String path, String bearer, String jsonBody) {
        return RawHttp.request("127.0.0.1:" + port, method, path, bearer, jsonBody, false);
    }

    /** Saves as fast as answered: one answer per request, or {@code perRequest} queued answers (distinct questions) in one. */
    private Closed closedSaves(List<Paper> papers, int connections, int seconds, int perRequest) throws Exception {
        Closed result = new Closed(perRequest == 1 ? "save an answer" : "save " + perRequest + " queued answers");
        if (papers.isEmpty()) {
            throw new IllegalStateException("no start succeeded: no paper to save answers on");
        }
        AtomicLong seq = new AtomicLong();
        long began = System.nanoTime();
        long end = began + TimeUnit.SECONDS.toNanos(seconds);
        loop(connections, end, () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Paper paper = papers.get(random.nextInt(papers.size()));
            String path = "/api/attempts/" + paper.attemptId() + "/answers";
            String body;
            if (perRequest == 1) {
                path += "/" + (1 + random.nextInt(30));
                body = "{\"option\":" + (1 + random.nextInt(4)) + ",\"seq\":" + seq.incrementAndGet() + "}";
            } else {
                StringBuilder answers = new StringBuilder();
                int first = random.nextInt(30);
                for (int i = 0; i < perRequest; i++) {
                    answers.append(i == 0 ? "" : ",").append("{\"position\":").append(1 + (first + i) % 30)
                            .append(",\"option\":").append(1 + random.nextInt(4)).append(",\"seq\":").append(seq.incrementAndGet()).append('}');
                }
                body = "{\"answers\":[" + answers + "]}";
            }
            return new KeepAliveLoop.Call(request("PUT", path, paper.token(), body), (a, nanos) -> {
                result.answer(a, nanos);
                return 0;
            });
        }, result);
        result.seconds = (System.nanoTime() - began) / 1e9;
        return result;
    }

    /**
     * The log-in wave: every candidate logs in once (email and password, verified against the stored
     * PBKDF2 hash), as fast as {@code connections} clients get answers; a refused one is asked again later.
     */
    private Closed closedLogins(List<String> emails, int connections, int seconds) throws Exception {
        return closedOnce("log in (" + connections + " connections)", emails.size(), new AtomicInteger(), connections, seconds,
                candidate -> request("POST", "/api/session", null, Json.createObjectBuilder()
                        .add("email", emails.get(candidate)).add("password", BenchData.PASSWORD).build().toString()),
                (a, candidate) -> { });
    }

    /**
     * {@code connections} keep-alive connections (a new one when the server closes it), each asking
     * as soon as answered, until {@code end}; the CPU the service, the database and this generator
     * used meanwhile go to {@code result}.
     */
    private void loop(int connections, long end, KeepAliveLoop.Calls calls, Closed result) throws IOException {
        var service = ProcessCpu.find("payara-micro", "--port " + port);
        var database = ProcessCpu.find("mariadbd", "--port=" + integer("db-port"));
        ProcessCpu generator = ProcessCpu.self();
        long service0 = service.map(p -> p.millis().orElse(-1)).orElse(-1L);
        long database0 = database.map(p -> p.millis().orElse(-1)).orElse(-1L);
        long generator0 = generator.millis().orElse(-1);
        try {
            KeepAliveLoop.run(port, connections, end, TimeUnit.MILLISECONDS.toNanos(ANSWER_WAIT_MILLIS), calls, () -> result.broken++);
        } finally {
            long service1 = service.map(p -> p.millis().orElse(-1)).orElse(-1L);
            long database1 = database.map(p -> p.millis().orElse(-1)).orElse(-1L);
            long generator1 = generator.millis().orElse(-1);
            result.serviceCpuMillis = service0 < 0 || service1 < 0 ? -1 : service1 - service0;
            result.databaseCpuMillis = database0 < 0 || database1 < 0 ? -1 : database1 - database0;
            result.generatorCpuMillis = generator0 < 0 || generator1 < 0 ? -1 : generator1 - generator0;
        }
    }

    /**
     * The paper's attempt id, found in the text: the generator shares the two cores with the service,
     * and parsing each 10 KB paper into a JSON tree took a measurable part of them. The first
     * {@code "attemptId":} is the paper's (a quote inside a string is escaped, so no text looks like a key).
     */
    static long attemptId(String body) {
        String key = "\"attemptId\":";
        int at = body.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no attempt id in " + body.substring(0, Math.min(200, body.length())));
        }
        int from = at + key.length();
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return Long.parseLong(body.substring(from, to));
    }

    /** What one group of open-loop candidates saw. */
    private static final class Tally {
        int candidates;
        final AtomicInteger requests = new AtomicInteger();
        final Latencies served = new Latencies();
        final Latencies refused = new Latencies();
        final Latencies paper = new Latencies();
        final AtomicInteger refusedWithRetryAfter = new AtomicInteger();
        final AtomicInteger refusedWithout = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger connectionRefused = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();
        private final Map<Integer, Integer> other = new TreeMap<>();

        synchronized void other(int status) {
            other.merge(status, 1, Integer::sum);
        }

        synchronized String otherStatuses() {
            return other.isEmpty() ? "0" : other.toString();
        }
    }

    /**
     * Starts arriving at a fixed rate from a scheduler, whatever the service does (open loop); each
     * request on a new connection, sent by a bounded pool of threads. A sender never waits for a free
     * thread: an arrival that finds all busy is counted as dropped by the generator, so a slow
     * generator shows in the report instead of quietly lowering the rate.
     */
    private final class OpenLoop {
        final String path;
        final double rate;
        final Tally measured = new Tally();
        final Tally warmup = new Tally();
        final AtomicInteger generatorDropped = new AtomicInteger();
        final AtomicLong maxLagMillis = new AtomicLong();
        final StringBuffer firstProblem = new StringBuffer();
        String healthAfter = "–";
        private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        private final ThreadPoolExecutor senders = new ThreadPoolExecutor(32, integer("max-threads"), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>());
        private final AtomicInteger open = new AtomicInteger();
        private long retryDeadline;

        private final int warmupSeconds;
        private final int measuredSeconds;
        /** Where started attempts are written (token → attempt id), when the caller goes on with them; else null. */
        private final Map<String, Long> started;

        OpenLoop(String path, double rate, int warmupSeconds, int measuredSeconds, Map<String, Long> started) {
            this.path = path;
            this.rate = rate;
            this.warmupSeconds = warmupSeconds;
            this.measuredSeconds = measuredSeconds;
            this.started = started;
        }

        void execute() throws Exception {
            int warmupCount = (int) Math.round(rate * warmupSeconds);
            int measuredCount = (int) Math.round(rate * measuredSeconds);
            List<String> tokens = BenchData.candidates(jdbcUrl + "examcert", key, warmupCount + measuredCount);
            warmup.candidates = warmupCount;
            measured.candidates = measuredCount;
            open.set(tokens.size());
            long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            long arrivalsEnd = t0 + (long) (tokens.size() / rate * 1e9);
            retryDeadline = arrivalsEnd + TimeUnit.SECONDS.toNanos(integer("drain-seconds"));
            for (int i = 0; i < tokens.size(); i++) {
                long due = t0 + (long) (i / rate * 1e9);
                Tally tally = i < warmupCount ? warmup : measured;
                String token = tokens.get(i);
                timer.schedule(() -> dispatch(tally, token, due, due, 1), due - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            long giveUpAt = retryDeadline + TimeUnit.MILLISECONDS.toNanos(ANSWER_WAIT_MILLIS + 5_000);
            while (open.get() > 0 && System.nanoTime() < giveUpAt) {
                Thread.sleep(200);
            }
            timer.shutdownNow();
            senders.shutdown();
            if (!senders.awaitTermination(ANSWER_WAIT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
            healthAfter = health();
            Thread.sleep(2_000); // let the service settle before the next run
        }

        private void dispatch(Tally tally, String token, long firstDue, long due, int attempt) {
            long lag = (System.nanoTime() - due) / 1_000_000;
            maxLagMillis.accumulateAndGet(lag, Math::max);
            try {
                senders.execute(() -> ask(tally, token, firstDue, due, attempt));
            } catch (RejectedExecutionException e) {
                generatorDropped.incrementAndGet();
                open.decrementAndGet();
            }
        }

        private void ask(Tally tally, String token, long firstDue, long due, int attempt) {
            tally.requests.incrementAndGet();
            boolean finished = true;
            try (RawHttp http = new RawHttp(port, ANSWER_WAIT_MILLIS)) {
                RawHttp.Answer a = http.exchange("POST", path, token, "{}", true);
                long now = System.nanoTime();
                if (now - due > TimeUnit.MILLISECONDS.toNanos(ANSWER_WAIT_MILLIS)) {
                    tally.timeouts.incrementAndGet(); // answered, but later than a client waits
                    problem("answered after " + (now - due) / 1_000_000 + " ms");
                } else if (a.status() / 100 == 2) {
                    tally.served.add(now - due);
                    tally.paper.add(now - firstDue);
                    if (started != null) {
                        started.put(token, attemptId(a.body()));
                    }
                } else if (a.status() == 503) {
                    tally.refused.add(now - due);
                    if (a.retryAfterSeconds() >= 0) {
                        tally.refusedWithRetryAfter.incrementAndGet();
                    } else {
                        tally.refusedWithout.incrementAndGet();
                        problem("503 without Retry-After: " + a.body());
                    }
                    long wait = (long) (Math.max(1, a.retryAfterSeconds()) * 1e9 * (1 + ThreadLocalRandom.current().nextDouble(0.5)));
                    if (attempt < integer("max-tries") && now + wait < retryDeadline) {
                        finished = false;
                        timer.schedule(() -> dispatch(tally, token, firstDue, now + wait, attempt + 1), wait, TimeUnit.NANOSECONDS);
                    }
                } else {
                    tally.other(a.status());
                    problem(a.status() + ": " + a.body());
                }
            } catch (ConnectException e) {
                tally.connectionRefused.incrementAndGet();
                problem("connection refused: " + e.getMessage());
            } catch (SocketTimeoutException e) {
                tally.timeouts.incrementAndGet();
                problem("no answer within 30 s: " + e.getMessage());
            } catch (IOException e) {
                tally.closed.incrementAndGet();
                problem("closed without an answer: " + e);
            } finally {
                if (finished) {
                    open.decrementAndGet();
                }
            }
        }

        private void problem(String what) {
            synchronized (firstProblem) {
                if (firstProblem.length() == 0) {
                    firstProblem.append(what.length() > 300 ? what.substring(0, 300) + "…" : what);
                }
            }
        }
    }

    /**
     * The whole exam: {@code exam-candidates} arrive at an even rate over {@code exam-ramp-seconds}, each
     * on a new connection and through the waiting room (as the open loop above); those with a paper then
     * answer a question every {@code exam-save-every} seconds (from a random moment, as the browser app
     * queues and retries) for {@code exam-seconds}, and submit. Then every answer acknowledged with a
     * 2xx is looked for in the database, and every score is recomputed by the service's audit.
     */
    private void exam(String startPath, long contest) throws Exception {
        int candidates = integer("exam-candidates");
        int ramp = integer("exam-ramp-seconds");
        line("");
        line("## The exam: %d candidates arriving within %d s, answering every %s s for %s s, then submitting", candidates, ramp,
                opts.get("exam-save-every"), opts.get("exam-seconds"));
        line("");
        Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        OpenLoop arrivals = new OpenLoop(startPath, candidates / (double) ramp, 0, ramp, started);
        arrivals.execute();
        Tally t = arrivals.measured;
        long within10 = t.paper.countAtMost(TimeUnit.SECONDS.toNanos(10));
        line("| arrivals/s | candidates | with paper | within 10 s of arriving | time to paper p50 / p95 / p99 / max | start requests | 2xx | 503 + Retry-After"
                + " | other / closed / refused / timeouts | start 2xx p50 / p99 |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        line("| %.0f | %d | %d | %.1f %% | %.1f / %.1f / %.1f / %.1f s | %d | %d | %d | %s / %d / %d / %d | %.0f / %.0f ms |", candidates / (double) ramp,
                t.candidates, t.paper.size(), 100.0 * within10 / Math.max(1, t.candidates), t.paper.pct(0.5) / 1000, t.paper.pct(0.95) / 1000,
                t.paper.pct(0.99) / 1000, t.paper.max() / 1000, t.requests.get(), t.served.size(), t.refusedWithRetryAfter.get(),
                t.otherStatuses(), t.closed.get(), t.connectionRefused.get(), t.timeouts.get(), t.served.pct(0.5), t.served.pct(0.99));
        line("");
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        List<Crowd.App> apps;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(jdbcUrl + "examcert", "root", "")) {
            apps = Crowd.apps(db, contest, started);
        }
        try (Crowd crowd = new Crowd(apps, () -> base, 48)) {
            long t0 = System.nanoTime();
            crowd.startAnswering(Duration.ofSeconds(integer("exam-save-every")));
            Thread.sleep(TimeUnit.SECONDS.toMillis(integer("exam-seconds")));
            crowd.stopAnswering();
            boolean drained = crowd.drain(Duration.ofSeconds(60));
            double answeringSeconds = (System.nanoTime() - t0) / 1e9;
            int submitted = crowd.submitAll(32);
            Crowd.Verification kept;
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(jdbcUrl + "examcert", "root", "")) {
                kept = crowd.verify(db, contest);
            }
            JsonObject audit = BenchData.scoreAudit(BenchData.organizer(base, opts.get("admin-email"), opts.get("admin-password")), base);
            line("| | count | p50 | p99 | max |");
            line("| --- | --- | --- | --- | --- |");
            line("| save requests (%.0f/s acknowledged over %.0f s) | %d | %.1f ms | %.1f ms | %.1f ms |", crowd.acknowledged.get() / answeringSeconds,
                    answeringSeconds, crowd.saveLatencies.size(), crowd.saveLatencies.pct(0.5), crowd.saveLatencies.pct(0.99), crowd.saveLatencies.max());
            line("| submits (32 at a time) | %d | %.1f ms | %.1f ms | %.1f ms |", crowd.submitLatencies.size(), crowd.submitLatencies.pct(0.5),
                    crowd.submitLatencies.pct(0.99), crowd.submitLatencies.max());
            line("");
            line("- answers acknowledged with a 2xx: %d (of them missing or older in the database: **%d**%s); retried: %d; refused for good: %d;"
                            + " 5xx from examcert: %d; queues %s",
                    kept.acknowledgedAnswers(), kept.lost(), kept.examples().isEmpty() ? "" : ", e.g. " + kept.examples(), crowd.retried.get(),
                    crowd.rejected.get(), crowd.serverErrors.get(), drained ? "drained" : "NOT drained after 60 s");
            line("- submitted: %d of %d with a paper; answers other than 2xx and 503 seen: %s", submitted, apps.size(), crowd.seen);
            line("- scores recomputed from stored answers by GET /api/console/audit/scores: %d graded attempts, **%d mismatches**",
                    audit.getJsonNumber("attemptsChecked").longValue(), audit.getJsonArray("mismatches").size());
        }
    }

    /** The health endpoint right after a run: its status and how long it took, or what went wrong. */
    private String health() {
        long t0 = System.nanoTime();
        try (RawHttp http = new RawHttp(port, 5_000)) {
            RawHttp.Answer a = http.exchange("GET", "/health", null, null, true);
            return a.status() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    private int integer(String name) {
        return Integer.parseInt(opts.get(name));
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        report.add(text);
        System.out.println(text);
    }
}
