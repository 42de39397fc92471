package org.examcert.bench;

import org.examcert.certificate.control.CertificateRendererBench;

/**
 * Certificates rendered per second, on one thread and on all cores (see docs/benchmarks.md):
 * {@code mvn -q test-compile exec:java@bench -Dbench.main=org.examcert.bench.CertificateRenderBenchmark}.
 */
public final class CertificateRenderBenchmark {

    private CertificateRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        CertificateRendererBench.run(1, 3, true);   // warm-up
        for (int threads : new int[]{1, Runtime.getRuntime().availableProcessors()}) {
            CertificateRendererBench.Result result = CertificateRendererBench.run(threads, seconds, false);
            System.out.printf("%d thread(s): %d certificates in %d s = %.0f/s (%.0f/s per thread), %d bytes each%n",
                    threads, result.count(), seconds, result.count() / (double) seconds,
                    result.count() / (double) seconds / threads, result.bytesPerCertificate());
        }
    }
}
