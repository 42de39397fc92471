package org.examcert.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time used by a process on this machine (Linux /proc), found by what its command line holds:
 * the service's and the database's share of a phase, in milliseconds, whatever else runs on the
 * box. A cost per request measured this way moves much less from day to day than a throughput.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc/[pid]/stat on Linux (USER_HZ), 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;

    private ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** The first process whose command line contains every one of {@code parts}; empty off Linux or when none does. */
    static java.util.Optional<ProcessCpu> find(String... parts) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                            return Stream.of(parts).allMatch(cmd::contains);
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .map(p -> new ProcessCpu(Long.parseLong(p.getFileName().toString())))
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** This process: the load generator's own share (its CPU counts against the same cores). */
    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    /** User plus system CPU time so far, in milliseconds; empty once the process is gone. */
    OptionalLong millis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the fields after the command name in parentheses (which may hold spaces); utime and stime are fields 14 and 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return OptionalLong.of(Math.round(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
