package org.examcert.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.examcert.attempt.control.AnswerSaving;
import org.examcert.attempt.control.Papers;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.Snapshots;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Candidates taking an exam the way the browser app does: each answer gets the next seq and waits
 * in the app's queue (a newer answer to the same question replaces it) until the service
 * acknowledges it with a 2xx (several queued answers go in one request, all or none); the app tries
 * again a second later; like exam.js, only a final refusal (deadline passed,
 * attempt closed or taken over) drops an answer, and anything else (503, a balancer's 502, a broken
 * connection, the container's own error page while it deploys) keeps it queued. Every acknowledged answer is written in a ledger,
 * which {@link #verify} compares with the database.
 */
final class Crowd implements AutoCloseable {

    /** One answer as the app sent it; {@code queuedAt} in System.nanoTime(). */
    record Answer(int position, int option, long seq, long queuedAt) {
    }

    /** One candidate's app: its attempt, its queue, and what the service acknowledged. */
    static final class App {
        final long attemptId;
        final String token;
        final int[] optionCounts;   // per position - 1
        final int[] correctOptions; // per position - 1
        long seq;
        boolean sending;
        final TreeMap<Integer, Answer> queue = new TreeMap<>();
        final Map<Integer, Answer> acknowledged = new HashMap<>();

        App(long attemptId, String token, int[] optionCounts, int[] correctOptions) {
            this.attemptId = attemptId;
            this.token = token;
            this.optionCounts = optionCounts;
            this.correctOptions = correctOptions;
        }
    }

    /** Every save request's time to its answer, whatever the answer; and every submit's. */
    final Latencies saveLatencies = new Latencies();
    final Latencies submitLatencies = new Latencies();

    /**
     * The apps of candidates whose attempts were started ({@code attempts}: token → attempt id), with
     * each paper's option counts and correct options, drawn from the attempt's seed and published
     * version as the service draws them (the benchmark's privilege: the service never tells them
     * before submit).
     */
    static List<App> apps(Connection db, long contest, Map<String, Long> attempts) throws SQLException {
        Map<Integer, PublishedContest> versions = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT version, snapshot FROM contest_version WHERE contest_id = ?")) {
            q.setLong(1, contest);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getInt(1), Snapshots.read(rs.getString(2)));
                }
            }
        }
        Map<Long, App> papers = new HashMap<>();
        Map<Long, String> tokens = new HashMap<>();
        attempts.forEach((token, attempt) -> tokens.put(attempt, token));
        try (PreparedStatement q = db.prepareStatement("SELECT id, contest_version, board_code, seed FROM attempt WHERE contest_id = ?")) {
            q.setLong(1, contest);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String token = tokens.get(rs.getLong(1));
                    if (token == null) {
                        continue;
                    }
                    PublishedContest published = versions.get(rs.getInt(2));
                    List<PaperDraw.PaperItem> paper = Papers.draw(published, published.board(rs.getString(3)).orElseThrow(), rs.getLong(4));
                    papers.put(rs.getLong(1), new App(rs.getLong(1), token,
                            paper.stream().mapToInt(i -> i.optionOrder().size()).toArray(),
                            paper.stream().mapToInt(i -> published.question(Long.parseLong(i.questionId())).correctOption()).toArray()));
                }
            }
        }
        List<App> apps = new ArrayList<>(papers.values());
        apps.sort(java.util.Comparator.comparingLong(app -> app.attemptId));
        return apps;
    }

    /** What the crowd saw: acknowledged answers, retried failures, refusals, server errors; acknowledged requests of several answers. */
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong lastAckNanos = new AtomicLong();
    /** When the latest-sent request that was acknowledged was sent: a fault is over once one sent after it is acknowledged. */
    final AtomicLong lastAckSentNanos = new AtomicLong();
    /** Answers other than 2xx and 503, by status and problem code: what the apps saw besides "saved" and "reconnecting". */
    final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();

    private final List<App> apps;
    private final Supplier<URI> base;
    private final HttpClient http;
    private final ExecutorService senders;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final List<ScheduledFuture<?>> answering = new ArrayList<>();

    Crowd(List<App> apps, Supplier<URI> base, int senderThreads) {
        this.apps = apps;
        this.base = base;
        this.senders = Executors.newFixedThreadPool(senderThreads);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    List<App> apps() {
        return apps;
    }

    /** Each candidate answers a question (a random option) every {@code every}, from a random moment on. */
    synchronized void startAnswering(Duration every) {
        for (App app : apps) {
            long first = ThreadLocalRandom.current().nextLong(every.toMillis());
            answering.add(timer.scheduleAtFixedRate(() -> answer(app, randomAnswer(app)), first, every.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    synchronized void stopAnswering() {
        answering.forEach(f -> f.cancel(false));
        answering.clear();
    }

    /** The candidate chooses the correct option of each of the first {@code count} questions. */
    void answerCorrectly(int count) {
        for (App app : apps) {
            for (int position = 1; position <= Math.min(count, app.correctOptions.length); position++) {
                answer(app, new int[]{position, app.correctOptions[position - 1]});
            }
        }
    }

    private static int[] randomAnswer(App app) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int position = 1 + random.nextInt(app.optionCounts.length);
        return new int[]{position, 1 + random.nextInt(app.optionCounts[position - 1])};
    }

    private void answer(App app, int[] positionAndOption) {
        boolean flush;
        synchronized (app) {
            app.seq++;
            app.queue.put(positionAndOption[0], new Answer(positionAndOption[0], positionAndOption[1], app.seq, System.nanoTime()));
            flush = !app.sending;
            app.sending = true;
        }
        if (flush) {
            senders.execute(() -> flush(app));
        }
    }

    /**
     * Sends the app's queue, oldest seq first, until it is empty or the service is away: one answer
     * alone, several in one request (all or none), as exam.js does.
     */
    private void flush(App app) {
        while (true) {
            List<Answer> next;
            synchronized (app) {
                next = app.queue.values().stream().sorted(Comparator.comparingLong(Answer::seq)).limit(AnswerSaving.MAX_ANSWERS_PER_REQUEST).toList();
                if (next.isEmpty()) {
                    app.sending = false;
                    return;
                }
            }
            Outcome outcome = send(app, next);
            synchronized (app) {
                if (outcome == Outcome.RETRY) {
                    timer.schedule(() -> senders.execute(() -> flush(app)), 1, TimeUnit.SECONDS);
                    return;
                }
                for (Answer sent : next) {
                    if (outcome == Outcome.ACKNOWLEDGED) {
                        Answer before = app.acknowledged.get(sent.position());
                        if (before == null || before.seq() < sent.seq()) {
                            app.acknowledged.put(sent.position(), sent);
                        }
                    }
                    app.queue.remove(sent.position(), sent); // unless a newer answer replaced it meanwhile
                }
            }
        }
    }

    private enum Outcome { ACKNOWLEDGED, REFUSED, RETRY }

    private Outcome send(App app, List<Answer> answers) {
        String path = "api/attempts/" + app.attemptId + "/answers";
        String body;
        if (answers.size() == 1) {
            Answer answer = answers.get(0);
            path += "/" + answer.position();
            body = "{\"option\":" + answer.option() + ",\"seq\":" + answer.seq() + "}";
        } else {
            body = answers.stream().map(a -> "{\"position\":" + a.position() + ",\"option\":" + a.option() + ",\"seq\":" + a.seq() + "}")
                    .collect(java.util.stream.Collectors.joining(",", "{\"answers\":[", "]}"));
        }
        HttpRequest put = HttpRequest.newBuilder(base.get().resolve(path))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + app.token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r;
        long sentAt = System.nanoTime();
        try {
            r = http.send(put, HttpResponse.BodyHandlers.ofString());
            saveLatencies.add(System.nanoTime() - sentAt);
        } catch (IOException e) {
            retried.incrementAndGet();
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        }
        int status = r.statusCode();
        if (status / 100 == 2) {
            // saved, or the service already holds this seq or a newer one: acknowledged either way
            acknowledged.addAndGet(answers.size());
            if (answers.size() > 1) {
                batches.incrementAndGet();
            }
            lastAckNanos.set(System.nanoTime());
            lastAckSentNanos.accumulateAndGet(sentAt, Math::max);
            return Outcome.ACKNOWLEDGED;
        }
        String code = code(r.body());
        if (FINAL_REFUSALS.contains(code)) {
            // as the browser app (exam.js): the attempt is over or held elsewhere, the answer is dropped
            rejected.incrementAndGet();
            seen.computeIfAbsent(status + " " + code, k -> new AtomicLong()).incrementAndGet();
            return Outcome.REFUSED;
        }
        // anything else keeps the answer queued, as the browser app does: the service is away or starting
        retried.incrementAndGet();
        if (status != 503) {
            seen.computeIfAbsent(status + " " + code, k -> new AtomicLong()).incrementAndGet();
        }
        if (status >= 500 && status != 502 && status != 503 && status != 504 && !code.startsWith("page:")) {
            serverErrors.incrementAndGet(); // a 500 problem from examcert itself: a bug
        }
        return Outcome.RETRY;
    }

    private static final java.util.Set<String> FINAL_REFUSALS = java.util.Set.of("attempt.deadline-passed", "attempt.closed",
            "attempt.taken-over", "attempt.option-invalid", "attempt.question-not-found");

    /** A problem's code, or "page: <title>" for an HTML page (the container's own, e.g. while it deploys). */
    private static String code(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            return problem.getString("code", "?");
        } catch (RuntimeException e) {
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("<title>([^<]*)</title>").matcher(body);
            return "page: " + (title.find() ? title.group(1).strip() : body.isBlank() ? "(empty)" : body.substring(0, Math.min(40, body.length())));
        }
    }

    /** Answers waiting in the apps' queues (not yet acknowledged). */
    int queued() {
        int n = 0;
        for (App app : apps) {
            synchronized (app) {
                n += app.queue.size();
            }
        }
        return n;
    }

    /** How long the oldest answer still queued has waited; zero when every queue is empty. */
    Duration oldestQueued() {
        long now = System.nanoTime();
        long oldest = now;
        for (App app : apps) {
            synchronized (app) {
                for (Answer a : app.queue.values()) {
                    oldest = Math.min(oldest, a.queuedAt());
                }
            }
        }
        return Duration.ofNanos(now - oldest);
    }

    /** Waits until every queue is empty (all answers acknowledged or refused); false after {@code limit}. */
    boolean drain(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (queued() == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return queued() == 0;
    }

    /** Saves as fast as the service takes them, {@code threads} at a time, for {@code seconds}: saves per second. */
    double burst(int threads, int seconds) throws InterruptedException {
        long before = acknowledged.get();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.execute(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    App app = apps.get(random.nextInt(apps.size()));
                    Answer answer;
                    synchronized (app) {
                        if (app.sending) {
                            continue; // the app's own queue is being sent: keep its seq order
                        }
                        app.sending = true;
                        int[] pick = randomAnswer(app);
                        answer = new Answer(pick[0], pick[1], ++app.seq, System.nanoTime());
                        app.queue.put(answer.position(), answer);
                    }
                    flush(app);
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return (acknowledged.get() - before) / (double) seconds;
    }

    /** Acknowledged answers the database does not hold: its seq is older, or the same seq with another option. */
    record Verification(long acknowledgedAnswers, long lost, List<String> examples) {
    }

    Verification verify(Connection db, long contestId) throws Exception {
        Map<Long, Map<Integer, long[]>> stored = new HashMap<>(); // attempt -> position -> {chosen, seq}
        // an ended attempt's answers as graded (its written-out paper), a running one's as saved
        try (PreparedStatement q = db.prepareStatement("SELECT i.attempt_id, i.position, i.chosen_option, i.save_seq FROM attempt_item i"
                + " JOIN attempt a ON a.id = i.attempt_id WHERE a.contest_id = ? AND a.state <> 'IN_PROGRESS'"
                + " UNION ALL SELECT w.attempt_id, w.position, w.chosen_option, w.save_seq FROM attempt_answer w"
                + " JOIN attempt a ON a.id = w.attempt_id WHERE a.contest_id = ? AND a.state = 'IN_PROGRESS'")) {
            q.setLong(1, contestId);
            q.setLong(2, contestId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int chosen = rs.getInt(3);
                    stored.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getInt(2), new long[]{rs.wasNull() ? -1 : chosen, rs.getLong(4)});
                }
            }
        }
        long checked = 0;
        long lost = 0;
        List<String> examples = new ArrayList<>();
        for (App app : apps) {
            synchronized (app) {
                for (Answer a : app.acknowledged.values()) {
                    checked++;
                    long[] row = stored.getOrDefault(app.attemptId, Map.of()).get(a.position());
                    boolean held = AnswerKept.kept(a.option(), a.seq(), row == null || row[0] < 0 ? null : (int) row[0], row == null ? null : row[1]);
                    if (!held) {
                        lost++;
                        if (examples.size() < 5) {
                            examples.add("attempt " + app.attemptId + " q" + a.position() + " acknowledged option " + a.option() + " seq "
                                    + a.seq() + ", database " + (row == null ? "no row" : "option " + row[0] + " seq " + row[1]));
                        }
                    }
                }
            }
        }
        return new Verification(checked, lost, examples);
    }

    /** Submits every attempt (retrying while the service is away); how many were answered 200. */
    int submitAll(int threads) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        for (App app : apps) {
            workers.execute(() -> {
                for (int tries = 0; tries < 60; tries++) {
                    try {
                        long sentAt = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.get().resolve("api/attempts/" + app.attemptId + "/submit"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                                .header("Authorization", "Bearer " + app.token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        submitLatencies.add(System.nanoTime() - sentAt);
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            return;
                        }
                        if (r.statusCode() != 503 && r.statusCode() != 502 && r.statusCode() != 504) {
                            seen.computeIfAbsent("submit " + r.statusCode() + " " + code(r.body()), k -> new AtomicLong()).incrementAndGet();
                            return;
                        }
                    } catch (IOException e) {
                        // the service is away: the app tries again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.MINUTES);
        return (int) ok.get();
    }

    @Override
    public void close() {
        stopAnswering();
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
