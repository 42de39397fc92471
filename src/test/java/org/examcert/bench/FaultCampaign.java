package org.examcert.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.MimeMessage;
import org.examcert.attempt.OutageCredit;
import org.examcert.launcher.EmbeddedMariaDb;
import org.examcert.platform.database.DatabaseOutage;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The bad-day campaign: one run, everything on loopback, started and stopped by this program.
 * (a) kill -9 the only instance while candidates save, start it again; (b) kill -9 the database
 * mid-exam, start it again, check the time given back; then a second instance behind HAProxy and
 * (c) certificates issued while SMTP refuses, SMTP back, every mail exactly once; (d) one of the
 * two instances killed mid-exam, the candidates carrying on through the other, the expiry sweeper
 * acting once. After each fault: every answer acknowledged with a 2xx is in the database, no
 * attempt is in a state a rule forbids, every score recomputes. Figures go to
 * {@code <folder>/report.md}; the exit code is 0 only if every check held. See docs/resilience.md.
 */
public final class FaultCampaign {

    private final Map<String, String> opts;
    private final Path folder;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String secret = "campaign-" + UUID.randomUUID() + UUID.randomUUID();
    private final String adminEmail = "campaign@examcert.test";
    private final String adminPassword = "campaign-admin-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicReference<URI> base = new AtomicReference<>();
    private final List<Long> contests = new ArrayList<>();

    private volatile EmbeddedMariaDb db;
    private volatile GreenMail smtp;
    private final List<MimeMessage> mailsOfStoppedServers = new ArrayList<>();
    private ServerSetup smtpSetup;
    private String jdbcUrl;
    private double anchor;

    private FaultCampaign(Map<String, String> opts) {
        this.opts = opts;
        this.folder = Path.of(opts.get("folder")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // as the service and the database: timestamps compare as stored
        Map<String, String> opts = new HashMap<>(Map.of("candidates", "2000", "certificates", "1000", "sweep-candidates", "100",
                "save-every", "10", "folder", "target/campaign", "haproxy", "/usr/sbin/haproxy", "war", "target/examcert.war",
                "payara-micro", "target/payara-micro.jar", "smtp-down", "20"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        FaultCampaign campaign = new FaultCampaign(opts);
        Runtime.getRuntime().addShutdownHook(new Thread(campaign::stopEverything, "campaign-stop"));
        int exit;
        try {
            campaign.runAll();
            exit = campaign.failures.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            campaign.failures.add("the campaign stopped early: " + e);
            exit = 2;
        } finally {
            campaign.stopEverything();
            campaign.writeReport();
        }
        System.exit(exit);
    }

    private void runAll() throws Exception {
        deleteFolder(folder);
        Files.createDirectories(folder);
        int candidates = integer("candidates");
        int certificates = integer("certificates");
        line("# A bad day — run %s, %s, %d cores, %d candidates, %d certificates", run, Instant.now(), Runtime.getRuntime().availableProcessors(),
                candidates, certificates);

        db = EmbeddedMariaDb.start(folder.resolve("mariadb"), freePort());
        started.push(() -> db.close());
        jdbcUrl = db.jdbcUrl("examcert");
        anchor = JdbcAnchor.upsertsPerSecond(db.jdbcUrl("campaign_anchor"), 8, Duration.ofSeconds(5));
        line("");
        line("Anchor: raw JDBC durable upserts (8 threads, auto-commit, 5 s) on the same MariaDB: **%.0f/s**", anchor);

        smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startSmtp();
        ServiceInstance a = instance("a");
        Duration firstStart = startInstance(a);
        line("Instance a started (empty database: migrations, 6 banks imported) in %.1f s", firstStart.toMillis() / 1000.0);
        base.set(a.base());
        HttpClient organizer = organizer();

        // (a) and (b): one exam, one instance, the same candidates through both faults
        long exam = contest(organizer, "exam", 3600, 30, "NONE");
        Crowd crowd = new Crowd(enroll(exam, candidates, "exam"), base::get, 48);
        started.push(crowd);
        double capacityOne = crowd.burst(32, 10);
        line("Save capacity, one instance (closed loop, 32 connections, 10 s): **%.0f saves/s = %.2f × anchor**", capacityOne, capacityOne / anchor);
        crowd.startAnswering(Duration.ofSeconds(integer("save-every")));
        Thread.sleep(15_000);
        faultServiceKill(crowd, exam, a);
        crowd.startAnswering(Duration.ofSeconds(integer("save-every")));
        Thread.sleep(10_000);
        faultDatabaseKill(crowd, exam);
        int submitted = crowd.submitAll(16);
        check(submitted == crowd.apps().size(), "exam: %d of %d submits answered 200", submitted, crowd.apps().size());
        crowd.close();
        started.remove(crowd);

        // a second instance and the balancer
        ServiceInstance b = instance("b");
        Duration secondStart = startInstance(b);
        line("Instance b started (schema already there) in %.1f s", secondStart.toMillis() / 1000.0);
        Balancer balancer = Balancer.start(Path.of(opts.get("haproxy")), freePort(), List.of(a, b), folder.resolve("haproxy"));
        started.push(balancer);
        base.set(balancer.base());
        awaitThroughBalancer();
        faultSmtpDown(organizer, certificates);
        faultOneOfTwoKilled(organizer, a, candidates);

        line("");
        line("## After the campaign: every contest of the run");
        checkStates(contests);
        JsonObject audit = json(send(organizer, HttpRequest.newBuilder(base.get().resolve("api/console/audit/scores")).GET().build(), 200));
        int mismatches = audit.getJsonArray("mismatches").size();
        check(mismatches == 0, "every score recomputes: %d graded attempts checked by GET /api/console/audit/scores, %d mismatches",
                audit.getJsonNumber("attemptsChecked").longValue(), mismatches);
    }

    // ---------------------------------------------------------------- the faults

    private void faultServiceKill(Crowd crowd, long contest, ServiceInstance instance) throws Exception {
        line("");
        line("## (a) kill -9 the service under %d saving candidates (one every %s s each), start it again", crowd.apps().size(), opts.get("save-every"));
        Map<Long, Instant[]> before = deadlines(contest);
        Map<Long, Integer> eventsBefore = events(contest, "TIME_RETURNED");
        long acknowledgedBefore = crowd.acknowledged.get();
        long retriedBefore = crowd.retried.get();
        int queuedAtKill = crowd.queued();
        Instant killedWall = Instant.now();
        long killedAt = System.nanoTime();
        instance.kill();
        instance.start();
        Duration ready = instance.awaitReady(Duration.ofMinutes(5));
        Duration firstAck = firstAcknowledgementAfter(crowd, killedAt);
        Duration caughtUp = caughtUpAfter(crowd, killedAt);
        Thread.sleep(10_000);
        crowd.stopAnswering();
        boolean drained = crowd.drain(Duration.ofMinutes(2));
        line("- acknowledged before the kill: %d saves (%d answers queued in the apps at the kill)", acknowledgedBefore, queuedAtKill);
        line("- restarted instance ready %.1f s after the kill; first save acknowledged after %.1f s; no answer older than 5 s in any app's queue after %.1f s",
                secs(ready), secs(firstAck), secs(caughtUp));
        line("- the apps retried %d times (connection refused / 503) and acknowledged %d saves in all", crowd.retried.get() - retriedBefore,
                crowd.acknowledged.get());
        verifyLedger(crowd, contest, drained, "(a)");
        checkTimeGivenBack(contest, before, eventsBefore, killedWall);
    }

    private void faultDatabaseKill(Crowd crowd, long contest) throws Exception {
        line("");
        line("## (b) kill -9 the database mid-exam, start it again");
        Map<Long, Instant[]> before = deadlines(contest);
        Map<Long, Integer> eventsBefore = events(contest, "TIME_RETURNED");
        long acknowledgedBefore = crowd.acknowledged.get();
        long retriedBefore = crowd.retried.get();
        Instant killedWall = Instant.now();
        long killedAt = System.nanoTime();
        db.kill();
        Thread.sleep(integer("db-down", 5) * 1000L);
        db = db.startAgain();
        Duration dbBack = Duration.ofNanos(System.nanoTime() - killedAt);
        Duration firstAck = firstAcknowledgementAfter(crowd, killedAt);
        Duration caughtUp = caughtUpAfter(crowd, killedAt);
        Thread.sleep(5_000);
        crowd.stopAnswering();
        boolean drained = crowd.drain(Duration.ofMinutes(2));
        line("- acknowledged before the kill: %d saves; database accepting connections again %.1f s after the kill", acknowledgedBefore, secs(dbBack));
        line("- first save acknowledged %.1f s after the kill; no answer older than 5 s queued after %.1f s; %d retries (503 service.reconnecting)",
                secs(firstAck), secs(caughtUp), crowd.retried.get() - retriedBefore);
        verifyLedger(crowd, contest, drained, "(b)");

        checkTimeGivenBack(contest, before, eventsBefore, killedWall);
    }

    private void faultSmtpDown(HttpClient organizer, int count) throws Exception {
        line("");
        line("## (c) %d certificates issued while SMTP refuses, then SMTP back (two instances behind HAProxy)", count);
        stopSmtp();
        long contest = contest(organizer, "certificates", 1800, 10, "ON_PASS");
        Crowd crowd = new Crowd(enroll(contest, count, "cert"), base::get, 32);
        started.push(crowd);
        crowd.answerCorrectly(6); // 6 of 10 reaches Trung bình, the passing band
        boolean drained = crowd.drain(Duration.ofMinutes(5));
        verifyLedger(crowd, contest, drained, "(c)");
        int submitted = crowd.submitAll(16);
        crowd.close();
        started.remove(crowd);
        String recipients = "cert-" + run + "-%";
        long issued = scalar("SELECT COUNT(*) FROM certificate WHERE contest_id = " + contest);
        check(submitted == count && issued == count, "%d submits answered 200, %d certificates issued", submitted, issued);
        // every mail has met the refusing server at least once
        long refusedAll = waitFor(Duration.ofMinutes(3), () -> scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '" + recipients
                + "' AND status = 'PENDING' AND tries >= 1") >= count);
        Thread.sleep(integer("smtp-down") * 1000L);
        long tries = scalar("SELECT COALESCE(SUM(tries), 0) FROM mail_outbox WHERE recipient LIKE '" + recipients + "'");
        long dead = scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '" + recipients + "' AND status = 'DEAD'");
        line("- while SMTP refused: %d mails queued, %d failed tries in all (every mail tried within %.1f s), %d dead letters", count, tries,
                refusedAll / 1e9, dead);
        long back = System.nanoTime();
        startSmtp();
        long allSent = waitFor(Duration.ofMinutes(10), () -> scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '" + recipients
                + "' AND status = 'SENT'") >= count);
        line("- SMTP back: all %d mails sent %.1f s later (%s)", count, allSent / 1e9, sentPerInstance());
        Thread.sleep(6_000); // a second send of any mail would have arrived by now
        Map<String, Integer> perMail = new HashMap<>();
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : receivedMails()) {
            String[] id = m.getHeader("X-Examcert-Mail");
            String to = m.getAllRecipients()[0].toString();
            if (to.startsWith("cert-" + run)) {
                perMail.merge(id == null ? "?" : id[0], 1, Integer::sum);
                perRecipient.merge(to, 1, Integer::sum);
            }
        }
        long twice = perMail.values().stream().filter(n -> n > 1).count();
        check(perMail.size() == count && twice == 0 && perRecipient.size() == count && perRecipient.values().stream().allMatch(n -> n == 1),
                "mails exactly once: %d distinct mails received by %d recipients, %d received more than once, %d sent in all; %d dead letters",
                perMail.size(), perRecipient.size(), twice, perMail.values().stream().mapToInt(Integer::intValue).sum(),
                scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '" + recipients + "' AND status = 'DEAD'"));
        line("- time to recover (SMTP back → last mail sent): %.1f s", (System.nanoTime() - back - 6_000_000_000L) / 1e9);
    }

    private void faultOneOfTwoKilled(HttpClient organizer, ServiceInstance victim, int count) throws Exception {
        line("");
        line("## (d) two instances behind HAProxy, one killed mid-exam");
        int sweepCount = integer("sweep-candidates");
        long sweep = contest(organizer, "sweep", 40, 10, "NONE");
        List<Crowd.App> leavers = enroll(sweep, sweepCount, "leave");
        Crowd leaving = new Crowd(leavers, base::get, 8);
        started.push(leaving);
        leaving.answerCorrectly(1); // one answer each, then they close the tab and never submit
        leaving.drain(Duration.ofMinutes(1));
        long exam = contest(organizer, "exam-two", 3600, 30, "NONE");
        Crowd crowd = new Crowd(enroll(exam, count, "two"), base::get, 48);
        started.push(crowd);
        double capacityTwo = crowd.burst(32, 10);
        line("- save capacity through HAProxy, two instances (closed loop, 32 connections, 10 s): **%.0f saves/s = %.2f × anchor**"
                + " (both instances on the same two cores)", capacityTwo, capacityTwo / anchor);
        crowd.startAnswering(Duration.ofSeconds(integer("save-every")));
        // the sweeper finalizes the leavers' attempts while both instances run: each once
        waitFor(Duration.ofMinutes(3), () -> scalar("SELECT COUNT(*) FROM attempt WHERE contest_id = " + sweep
                + " AND state = 'EXPIRED'") >= sweepCount);
        // the EXPIRED event carries the sweeper's own time (ended_at is the deadline itself)
        long lagMillis = scalar("SELECT MAX(TIMESTAMPDIFF(MICROSECOND, a.accept_until, e.at)) DIV 1000 FROM attempt a"
                + " JOIN attempt_event e ON e.attempt_id = a.id AND e.kind = 'EXPIRED' WHERE a.contest_id = " + sweep);
        Map<Long, Integer> expiredEvents = events(sweep, "EXPIRED");
        long once = expiredEvents.values().stream().filter(n -> n == 1).count();
        check(once == sweepCount && expiredEvents.size() == sweepCount, "expiry sweeper on two instances: %d of %d abandoned attempts EXPIRED with"
                + " exactly one EXPIRED event, at most %.1f s after its accept-until", once, sweepCount, lagMillis / 1000.0);
        verifyLedger(leaving, sweep, true, "(d) leavers");
        leaving.close();
        started.remove(leaving);
        Thread.sleep(10_000);
        long acknowledgedBefore = crowd.acknowledged.get();
        long retriedBefore = crowd.retried.get();
        long killedAt = System.nanoTime();
        victim.kill();
        Duration firstAck = firstAcknowledgementAfter(crowd, killedAt);
        Thread.sleep(20_000);
        Duration oldest = crowd.oldestQueued();
        long acknowledgedWhileOne = crowd.acknowledged.get() - acknowledgedBefore;
        crowd.stopAnswering();
        boolean drained = crowd.drain(Duration.ofMinutes(2));
        line("- acknowledged before the kill: %d saves; after it, through the survivor: %d saves in 20 s, first one %.2f s after the kill",
                acknowledgedBefore, acknowledgedWhileOne, secs(firstAck));
        line("- the apps retried %d times; oldest queued answer 20 s after the kill: %.1f s old", crowd.retried.get() - retriedBefore, secs(oldest));
        verifyLedger(crowd, exam, drained, "(d)");
        int submitted = crowd.submitAll(16);
        check(submitted == count, "(d): %d of %d submits answered 200 through the survivor", submitted, count);
        crowd.close();
        started.remove(crowd);
    }

    // ---------------------------------------------------------------- checks

    /** The rule: each attempt running through a recorded outage gets its time back, once (deadline to the millisecond). */
    private void checkTimeGivenBack(long contest, Map<Long, Instant[]> before, Map<Long, Integer> eventsBefore, Instant killedWall)
            throws Exception {
        List<DatabaseOutage> outages = new ArrayList<>();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = connect()) {
            while (outages.isEmpty() && System.nanoTime() < waitUntil) {
                try (PreparedStatement q = c.prepareStatement("SELECT started_at, ended_at FROM outage_period WHERE ended_at > ? ORDER BY started_at")) {
                    q.setTimestamp(1, Timestamp.from(killedWall));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            outages.add(new DatabaseOutage(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                        }
                    }
                }
                if (outages.isEmpty()) {
                    Thread.sleep(500);
                }
            }
        }
        check(!outages.isEmpty(), "the outage was recorded (outage_period): %s", outages);
        Map<Long, Instant[]> after = deadlines(contest);
        Map<Long, Integer> returned = events(contest, "TIME_RETURNED");
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, Instant[]> e : before.entrySet()) {
            Instant expected = e.getValue()[1];
            for (DatabaseOutage outage : outages) {
                expected = expected.plus(OutageCredit.credit(e.getValue()[0], expected, outage));
            }
            Instant actual = after.get(e.getKey())[1];
            int newEvents = returned.getOrDefault(e.getKey(), 0) - eventsBefore.getOrDefault(e.getKey(), 0);
            if (actual.equals(expected) && newEvents == outages.size()) {
                right++;
            } else if (wrong.size() < 3) {
                wrong.add("attempt " + e.getKey() + " deadline " + actual + " expected " + expected + ", TIME_RETURNED events "
                        + newEvents);
            }
        }
        Duration credited = outages.stream().map(DatabaseOutage::duration).reduce(Duration.ZERO, Duration::plus);
        line("- outage recorded %s (%.1f s; the fault was at %s)", outages, secs(credited), killedWall);
        check(right == before.size(), "time given back per OutageCredit: %d of %d running attempts have the deadline the rule gives and one"
                + " TIME_RETURNED event per recorded outage %s", right, before.size(), wrong);
    }


    private void verifyLedger(Crowd crowd, long contest, boolean drained, String fault) throws Exception {
        Crowd.Verification v;
        try (Connection c = connect()) {
            v = crowd.verify(c, contest);
        }
        // a starting instance keeps its port closed until examcert is deployed: no container page may reach an app
        long pages = crowd.seen.entrySet().stream().filter(e -> e.getKey().contains(" page:")).mapToLong(e -> e.getValue().get()).sum();
        check(drained && v.lost() == 0 && crowd.serverErrors.get() == 0 && pages == 0, "%s acknowledged answers in the database: %d checked,"
                        + " **%d lost**%s (acknowledged in requests of several queued answers so far: %d requests); queues drained: %s;"
                        + " 500 problems from examcert: %d; the container's own pages: %d; answers other than 2xx/503 seen by the apps so far: %s",
                fault, v.acknowledgedAnswers(), v.lost(), v.examples().isEmpty() ? "" : " " + v.examples(), crowd.batches.get(), drained,
                crowd.serverErrors.get(), pages, crowd.seen.isEmpty() ? "none" : crowd.seen);
    }

    private void checkStates(List<Long> ids) throws Exception {
        String in = ids.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse("0");
        Map<String, Long> states = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM attempt WHERE contest_id IN (" + in + ") GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        long overdue = scalar("SELECT COUNT(*) FROM attempt WHERE contest_id IN (" + in + ") AND state = 'IN_PROGRESS'"
                + " AND accept_until < NOW(3) - INTERVAL 10 SECOND");
        long ungraded = scalar("SELECT COUNT(*) FROM attempt WHERE contest_id IN (" + in + ") AND state <> 'IN_PROGRESS'"
                + " AND (score IS NULL OR ended_at IS NULL)");
        long twoRunning = scalar("SELECT COUNT(*) FROM (SELECT participation_id FROM attempt WHERE contest_id IN (" + in + ")"
                + " AND state = 'IN_PROGRESS' GROUP BY participation_id HAVING COUNT(*) > 1) x");
        long noResult = scalar("SELECT COUNT(*) FROM attempt a WHERE a.contest_id IN (" + in + ") AND a.state <> 'IN_PROGRESS'"
                + " AND NOT EXISTS (SELECT 1 FROM result r WHERE r.participation_id = a.participation_id)");
        check(overdue == 0 && ungraded == 0 && twoRunning == 0 && noResult == 0, "attempt states %s: running past its accept-until %d,"
                + " final but ungraded %d, two running in one participation %d, final without a result %d", states, overdue, ungraded, twoRunning, noResult);
    }

    /** From the fault until a save sent after it is acknowledged. */
    private Duration firstAcknowledgementAfter(Crowd crowd, long since) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (crowd.lastAckSentNanos.get() <= since && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return Duration.ofNanos(Math.max(0, crowd.lastAckNanos.get() - since));
    }

    /** From the fault until no app holds an answer older than 5 s: the backlog is gone. */
    private Duration caughtUpAfter(Crowd crowd, long since) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (crowd.oldestQueued().compareTo(Duration.ofSeconds(5)) > 0 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Polls {@code done} every 500 ms; the nanoseconds it took (fails the campaign after {@code limit}). */
    private long waitFor(Duration limit, ThrowingCheck done) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + limit.toNanos();
        while (!done.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not reached within " + limit);
            }
            Thread.sleep(500);
        }
        return System.nanoTime() - t0;
    }

    private interface ThrowingCheck {
        boolean holds() throws Exception;
    }

    private void check(boolean ok, String format, Object... args) {
        String text = String.format(format, args);
        line("- %s %s", ok ? "PASS" : "FAIL", text);
        if (!ok) {
            failures.add(text);
        }
    }

    // ---------------------------------------------------------------- set-up

    private ServiceInstance instance(String name) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("EXAMCERT_DB_URL", jdbcUrl);
        env.put("EXAMCERT_DB_USER", "root");
        env.put("EXAMCERT_AUTH_SECRET", secret);
        env.put("EXAMCERT_ADMIN_EMAIL", adminEmail);
        env.put("EXAMCERT_ADMIN_PASSWORD", adminPassword);
        env.put("EXAMCERT_SAMPLE_CONTESTS", "false");
        env.put("EXAMCERT_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("EXAMCERT_MAIL_SMTP_PORT", String.valueOf(smtpSetup.getPort()));
        // SMTP may refuse for the whole contest: short retries, and no mail given up meanwhile
        env.put("EXAMCERT_MAIL_RETRY_BASE_SECONDS", "1");
        env.put("EXAMCERT_MAIL_RETRY_CAP_SECONDS", "4");
        env.put("EXAMCERT_MAIL_RETRY_MAX_TRIES", "1000");
        env.put("EXAMCERT_DATA_DIR", folder.resolve("instance-" + name).toString());
        env.put("EXAMCERT_QUESTION_BANKS_DIR", Path.of("question-banks").toAbsolutePath().toString());
        env.put("EXAMCERT_CERTIFICATE_TEMPLATES_DIR", Path.of("certificate-templates").toAbsolutePath().toString());
        Files.createDirectories(folder.resolve("instance-" + name));
        ServiceInstance instance = new ServiceInstance(name, freePort(), Path.of(opts.get("payara-micro")).toAbsolutePath(),
                Path.of(opts.get("war")).toAbsolutePath(), env, folder.resolve("instance-" + name + ".log"));
        started.push(instance);
        return instance;
    }

    private Duration startInstance(ServiceInstance instance) throws Exception {
        instance.start();
        return instance.awaitReady(Duration.ofMinutes(5));
    }

    private void awaitThroughBalancer() throws Exception {
        waitFor(Duration.ofMinutes(1), () -> {
            try {
                return http.send(HttpRequest.newBuilder(base.get().resolve("health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        Thread.sleep(3_000); // both servers seen UP by the health checks (rise 2, every second)
    }

    private HttpClient organizer() throws Exception {
        HttpClient organizer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
        send(organizer, post("api/console/session", Json.createObjectBuilder().add("email", adminEmail).add("password", adminPassword).build()), 200);
        return organizer;
    }

    private long contest(HttpClient organizer, String name, int seconds, int questions, String certificates) throws Exception {
        String code = name + "-" + run;
        JsonObjectBuilder rules = Json.createObjectBuilder().add("timeLimitSeconds", seconds).add("questionsPerAttempt", questions)
                .add("graceSeconds", 5).add("certificates", certificates);
        JsonObject created = json(send(organizer, post("api/console/contests", Json.createObjectBuilder()
                .add("code", code).add("title", "Chiến dịch sự cố " + code).add("kind", "CERTIFICATION")
                .add("opensAt", Instant.now().minusSeconds(60).toString()).add("closesAt", Instant.now().plus(Duration.ofDays(1)).toString())
                .add("rules", rules).build()), 201));
        long id = created.getJsonNumber("id").longValue();
        send(organizer, HttpRequest.newBuilder(base.get().resolve("api/console/contests/" + id + "/boards/SINH_VIEN"))
                .header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("name", "Bảng sinh viên")
                        .add("draw", Json.createArrayBuilder().add(Json.createObjectBuilder().add("bank", "sinh-vien").add("count", questions)))
                        .build().toString())).build(), 200);
        send(organizer, post("api/console/contests/" + id + "/publish", Json.createObjectBuilder().build()), 200);
        contests.add(id);
        return id;
    }

    /** Candidates inserted with JDBC (registration's slow hash is not under test), sessions signed, attempts started through the API. */
    private List<Crowd.App> enroll(long contest, int count, String group) throws Exception {
        List<String> tokens;
        try (Connection c = connect()) {
            tokens = BenchData.candidates(c, secret.getBytes(StandardCharsets.UTF_8), count, group + "-" + run);
        }
        Map<String, Long> attempts = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        ExecutorService starters = Executors.newFixedThreadPool(16);
        for (String token : tokens) {
            starters.execute(() -> {
                for (int tries = 0; tries < 30 && !attempts.containsKey(token); tries++) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.get().resolve("api/contests/" + contest + "/attempts"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            attempts.put(token, json(r).getJsonObject("paper").getJsonNumber("attemptId").longValue());
                        } else {
                            Thread.sleep(1000);
                        }
                    } catch (IOException e) {
                        sleepQuietly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!attempts.containsKey(token)) {
                    failed.incrementAndGet();
                }
            });
        }
        starters.shutdown();
        starters.awaitTermination(30, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " attempts did not start");
        }
        try (Connection c = connect()) {
            return Crowd.apps(c, contest, attempts);
        }
    }

    private synchronized void startSmtp() {
        smtp = new GreenMail(smtpSetup);
        smtp.start();
    }

    /** SMTP down: the port refuses connections. What the stopped server had received is kept for the count. */
    private synchronized void stopSmtp() {
        mailsOfStoppedServers.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
        smtp = null;
    }

    private synchronized List<MimeMessage> receivedMails() {
        List<MimeMessage> all = new ArrayList<>(mailsOfStoppedServers);
        if (smtp != null) {
            all.addAll(List.of(smtp.getReceivedMessages()));
        }
        return all;
    }

    private String sentPerInstance() throws IOException {
        StringBuilder out = new StringBuilder("sent by instance:");
        for (String name : List.of("a", "b")) {
            Path log = folder.resolve("instance-" + name + ".log");
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    out.append(' ').append(name).append(' ').append(lines.filter(l -> l.contains("event=mail.sent")).count());
                }
            }
        }
        return out.toString();
    }

    private synchronized void stopEverything() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("campaign: stopping failed: " + e);
            }
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private synchronized void writeReport() {
        line("");
        line(failures.isEmpty() ? "**Every check held.**" : "**%d check(s) failed:** %s", failures.size(), failures);
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("report.md"), report, StandardCharsets.UTF_8);
            System.out.println("campaign: report written to " + folder.resolve("report.md"));
        } catch (IOException e) {
            System.err.println("campaign: writing the report failed: " + e);
        }
    }

    // ---------------------------------------------------------------- small helpers

    private Map<Long, Instant[]> deadlines(long contest) throws Exception {
        Map<Long, Instant[]> out = new HashMap<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement("SELECT id, started_at, deadline FROM attempt"
                + " WHERE contest_id = ? AND state = 'IN_PROGRESS'")) {
            q.setLong(1, contest);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Instant[]{rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()});
                }
            }
        }
        return out;
    }

    private Map<Long, Integer> events(long contest, String kind) throws Exception {
        Map<Long, Integer> out = new HashMap<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement("SELECT e.attempt_id, COUNT(*) FROM attempt_event e"
                + " JOIN attempt a ON a.id = e.attempt_id WHERE a.contest_id = ? AND e.kind = ? GROUP BY e.attempt_id")) {
            q.setLong(1, contest);
            q.setString(2, kind);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "root", "");
    }

    private HttpRequest post(String path, JsonObject body) {
        return HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Examcert-Csrf", "1").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        synchronized (this) {
            report.add(text);
        }
        System.out.println(text);
    }

    private int integer(String name) {
        return Integer.parseInt(opts.get(name));
    }

    private int integer(String name, int fallback) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : fallback;
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteFolder(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
