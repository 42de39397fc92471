package org.examcert.certificate.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Drives the renderer for the render benchmark (it lives here to reach the package's test helpers). */
public final class CertificateRendererBench {

    public record Result(long count, long bytesPerCertificate) {
    }

    private CertificateRendererBench() {
    }

    public static Result run(int threads, int seconds, boolean quiet) throws Exception {
        Templates.Template template = CertificateRendererTest.templates().template("default");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                long n = 0;
                long bytes = 0;
                while (System.nanoTime() < end) {
                    String serial = String.format("GCN-%04d-%04d-0000-0000", thread, n % 10_000);
                    bytes = CertificateRenderer.render(template, CertificateRendererTest.values("Nguyễn Thị Thanh Hương " + n),
                            "https://examcert.example.vn/verify/" + serial, "Giấy chứng nhận").length;
                    n++;
                }
                return new long[]{n, bytes};
            }));
        }
        long count = 0;
        long bytes = 0;
        for (Future<long[]> worker : workers) {
            long[] r = worker.get();
            count += r[0];
            bytes = r[1];
        }
        pool.shutdown();
        return new Result(count, bytes);
    }
}
