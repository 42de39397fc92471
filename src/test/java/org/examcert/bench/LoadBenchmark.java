package org.examcert.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the candidate path of a running examcert: start, save-answer and submit.
 *
 * <p>Phase "saves": many candidates with papers, and {@code --connections} workers saving answers
 * as fast as the service takes them (closed loop): the save path's throughput and latency.
 * Phase "exam": {@code --candidates} candidates who all start within {@code --ramp} seconds, then
 * each save one answer every 10–30 s for {@code --duration} seconds, then submit (open loop):
 * latency percentiles and errors of each operation.
 *
 * <p>Candidates are inserted with JDBC (registration's slow password hash is not what is measured)
 * and their sessions signed with the service's key (EXAMCERT_AUTH_SECRET), so the benchmark needs
 * the database URL and that secret. Every request goes to loopback only.
 */
public final class LoadBenchmark {

    private final URI base;
    private final String jdbcUrl;
    private final byte[] key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();

    private LoadBenchmark(URI base, String jdbcUrl, String secret) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>(Map.of(
                "base", "http://127.0.0.1:8080/", "jdbc", "jdbc:mariadb://127.0.0.1:3316/examcert",
                "secret", System.getenv().getOrDefault("EXAMCERT_AUTH_SECRET", ""),
                "admin-email", System.getenv().getOrDefault("EXAMCERT_ADMIN_EMAIL", ""),
                "admin-password", System.getenv().getOrDefault("EXAMCERT_ADMIN_PASSWORD", ""),
                "phase", "both", "connections", "64", "seconds", "30", "candidates", "20000"));
        opts.putAll(Map.of("ramp", "60", "duration", "120", "save-candidates", "2000"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv[1]);
        }
        if (opts.get("secret").length() < 32) {
            throw new IllegalArgumentException("pass --secret= (or EXAMCERT_AUTH_SECRET), the service's signing key, ≥ 32 characters");
        }
        LoadBenchmark bench = new LoadBenchmark(URI.create(opts.get("base")), opts.get("jdbc"), opts.get("secret"));
        long contest = opts.containsKey("contest") ? Long.parseLong(opts.get("contest"))
                : bench.contest(opts.get("admin-email"), opts.get("admin-password"));
        System.out.printf("contest %d on %s, %d cores here%n", contest, opts.get("base"), Runtime.getRuntime().availableProcessors());
        String phase = opts.get("phase");
        if (phase.equals("both") || phase.equals("saves")) {
            bench.saves(contest, Integer.parseInt(opts.get("save-candidates")), Integer.parseInt(opts.get("connections")),
                    Integer.parseInt(opts.get("seconds")));
        }
        if (phase.equals("prepare")) {
            bench.prepare(contest, Integer.parseInt(opts.get("save-candidates")), Path.of(opts.getOrDefault("out", "target/bench-targets.txt")));
        }
        if (phase.equals("both") || phase.equals("exam")) {
            bench.exam(contest, Integer.parseInt(opts.get("candidates")), Integer.parseInt(opts.get("ramp")),
                    Integer.parseInt(opts.get("duration")));
        }
        if (phase.equals("reports") || "true".equals(opts.get("reports"))) {
            bench.reports(contest, opts.get("admin-email"), opts.get("admin-password"), Integer.parseInt(opts.getOrDefault("rounds", "5")));
        }
        System.exit(0);
    }

    /**
     * What the organizing board reads during and after the contest: the dashboard (its first call
     * scans every graded answer; later ones within 15 s reuse the scan), rankings and the exports.
     */
    private void reports(long contest, String email, String password, int rounds) throws Exception {
        HttpClient organizer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
        send(organizer, post("api/console/session", Json.createObjectBuilder().add("email", email).add("password", password).build(), null), 200);
        String prefix = "api/console/contests/" + contest;
        for (String path : List.of("/dashboard", "/rankings?board=SINH_VIEN", "/results.xlsx", "/results.csv", "/units-report.xlsx")) {
            Stats stats = new Stats(path);
            long bytes = 0;
            for (int round = 0; round < rounds; round++) {
                if (path.equals("/dashboard") && round > 0) {
                    Thread.sleep(16_000); // past the statistics cache: every round is a full scan
                }
                long start = System.nanoTime();
                HttpResponse<byte[]> r = organizer.send(HttpRequest.newBuilder(base.resolve(prefix + path))
                        .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                stats.record(start, r.statusCode() == 200);
                bytes = r.body().length;
            }
            System.out.println(stats + String.format(", %,d bytes", bytes));
        }
    }

    private long contest(String email, String password) throws Exception {
        return BenchData.contest(base, email, password);
    }

    private List<String> candidates(int count) throws Exception {
        return BenchData.candidates(jdbcUrl, key, count);
    }

    /**
     * Candidates with started attempts, written as "attemptId token" lines for an external load
     * generator (src/test/bench/save-answer.lua with wrk).
     */
    private void prepare(long contest, int candidateCount, Path out) throws Exception {
        List<String> tokens = candidates(candidateCount);
        StringBuilder lines = new StringBuilder();
        for (String token : tokens) {
            HttpResponse<String> r = send(http, post("api/contests/" + contest + "/attempts", Json.createObjectBuilder().build(), token), 201);
            lines.append(json(r).getJsonObject("paper").getJsonNumber("attemptId").longValue()).append(' ').append(token).append('\n');
        }
        Files.writeString(out, lines);
        System.out.println(tokens.size() + " attempts written to " + out);
    }

    private void saves(long contest, int candidateCount, int connections, int seconds) throws Exception {
        List<String> tokens = candidates(candidateCount);
        List<long[]> papers = new ArrayList<>();  // {attemptId, index into tokens}
        Stats starts = new Stats("start");
        for (int i = 0; i < tokens.size(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(post("api/contests/" + contest + "/attempts", Json.createObjectBuilder().build(), tokens.get(i)),
                    HttpResponse.BodyHandlers.ofString());
            starts.record(t0, r.statusCode() == 201);
            papers.add(new long[]{json(r).getJsonObject("paper").getJsonNumber("attemptId").longValue(), i});
        }
        System.out.println("sequential " + starts);
        Stats stats = new Stats("save (closed loop, " + connections + " connections)");
        AtomicLong seq = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        CountDownLatch done = new CountDownLatch(connections);
        for (int w = 0; w < connections; w++) {
            workers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    while (System.nanoTime() < end) {
                        long[] paper = papers.get(random.nextInt(papers.size()));
                        HttpRequest save = put("api/attempts/" + paper[0] + "/answers/" + (1 + random.nextInt(30)),
                                "{\"option\":" + (1 + random.nextInt(4)) + ",\"seq\":" + seq.incrementAndGet() + "}", tokens.get((int) paper[1]));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(save, HttpResponse.BodyHandlers.ofString());
                        stats.record(t0, r.statusCode() == 200);
                    }
                } catch (Exception e) {
                    stats.failed(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        workers.shutdown();
        System.out.println(stats + String.format(" -> %.0f saves/s", stats.count() / (double) seconds));
        Stats submits = new Stats("submit");
        for (long[] paper : papers) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(post("api/attempts/" + paper[0] + "/submit", Json.createObjectBuilder().build(),
                    tokens.get((int) paper[1])), HttpResponse.BodyHandlers.ofString());
            submits.record(t0, r.statusCode() == 200);
        }
        System.out.println("sequential " + submits);
    }

    private void exam(long contest, int candidateCount, int rampSeconds, int durationSeconds) throws Exception {
        List<String> tokens = candidates(candidateCount);
        Stats starts = new Stats("start");
        Stats saves = new Stats("save");
        Stats submits = new Stats("submit");
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        Map<Integer, Long> attempts = new ConcurrentHashMap<>();
        AtomicInteger finished = new AtomicInteger();
        long startedAt = System.nanoTime();
        long lastSubmitAt = startedAt + TimeUnit.SECONDS.toNanos(rampSeconds + durationSeconds);
        for (int i = 0; i < tokens.size(); i++) {
            int candidate = i;
            long delay = (long) (rampSeconds * 1e9 * i / tokens.size());
            timer.schedule(() -> {
                long t0 = System.nanoTime();
                http.sendAsync(post("api/contests/" + contest + "/attempts", Json.createObjectBuilder().build(), tokens.get(candidate)),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    boolean ok = e == null && r.statusCode() == 201;
                    if (e == null && r.statusCode() == 503) {
                        starts.refused(t0);
                    } else {
                        starts.record(t0, ok);
                    }
                    if (ok) {
                        attempts.put(candidate, json(r).getJsonObject("paper").getJsonNumber("attemptId").longValue());
                        // each candidate works for the duration from their own start, then submits
                        long submitAt = t0 + TimeUnit.SECONDS.toNanos(durationSeconds);
                        scheduleSave(timer, candidate, tokens.get(candidate), attempts, 1, submitAt, saves, submits, finished);
                    } else {
                        finished.incrementAndGet();
                        if (e != null) {
                            starts.failed(e);
                        }
                    }
                });
            }, delay, TimeUnit.NANOSECONDS);
        }
        while (finished.get() < tokens.size()) {
            Thread.sleep(1000);
            if (System.nanoTime() > lastSubmitAt + TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
        }
        timer.shutdownNow();
        System.out.printf("exam: %d candidates starting within %d s, each saving every 10-30 s for %d s, then submitting%n",
                candidateCount, rampSeconds, durationSeconds);
        System.out.println(starts);
        System.out.println(saves + String.format(" -> %.0f saves/s on average", saves.count() / (double) (rampSeconds + durationSeconds)));
        System.out.println(submits);
    }

    private void scheduleSave(ScheduledExecutorService timer, int candidate, String token, Map<Integer, Long> attempts, int seq,
                              long stopAt, Stats saves, Stats submits, AtomicInteger finished) {
        long wait = ThreadLocalRandom.current().nextLong(10_000, 30_001);
        long attempt = attempts.get(candidate);
        timer.schedule(() -> {
            if (System.nanoTime() >= stopAt) {
                long t0 = System.nanoTime();
                http.sendAsync(post("api/attempts/" + attempt + "/submit", Json.createObjectBuilder().build(), token),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    submits.record(t0, e == null && r.statusCode() == 200);
                    finished.incrementAndGet();
                });
                return;
            }
            long t0 = System.nanoTime();
            http.sendAsync(put("api/attempts/" + attempt + "/answers/" + (1 + (seq - 1) % 30),
                            "{\"option\":" + (1 + ThreadLocalRandom.current().nextInt(4)) + ",\"seq\":" + seq + "}", token),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                saves.record(t0, e == null && r.statusCode() == 200);
                scheduleSave(timer, candidate, token, attempts, seq + 1, stopAt, saves, submits, finished);
            });
        }, wait, TimeUnit.MILLISECONDS);
    }

    private HttpRequest post(String path, JsonObject body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpRequest put(String path, String body, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** Latencies of one operation, and its errors. */
    private static final class Stats {
        private final String name;
        private long[] micros = new long[1 << 16];
        private int n;
        private int errors;
        private int refused;
        private long refusedMaxMicros;
        private String firstError;

        Stats(String name) {
            this.name = name;
        }

        synchronized void record(long startNanos, boolean ok) {
            if (!ok) {
                errors++;
                return;
            }
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = (System.nanoTime() - startNanos) / 1000;
        }

        /** A 503 at the door (admission): not an error, but counted with how fast it came. */
        synchronized void refused(long startNanos) {
            long took = (System.nanoTime() - startNanos) / 1000;
            refused++;
            refusedMaxMicros = Math.max(refusedMaxMicros, took);
        }

        synchronized void failed(Throwable e) {
            errors++;
            if (firstError == null) {
                firstError = e.toString();
            }
        }

        synchronized int count() {
            return n;
        }

        @Override
        public synchronized String toString() {
            long[] sorted = Arrays.copyOf(micros, n);
            Arrays.sort(sorted);
            return String.format("%s: %d ok, %d errors%s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%s", name, n, errors,
                    firstError == null ? "" : " (" + firstError + ")", pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99),
                    n == 0 ? 0.0 : sorted[n - 1] / 1000.0,
                    refused == 0 ? "" : String.format("; %d refused 503 at the door (slowest refusal %.1f ms)", refused, refusedMaxMicros / 1000.0));
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0.0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }
}
