package org.lateral.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server side of a run, read from outside the way an operator would: live heap after a full
 * GC ({@code jcmd GC.run}, then the heap's used size), and CPU time of the app's JVM and of its
 * PostgreSQL (the postmaster, the backends it has reaped, and the live ones) from {@code /proc}.
 * Linux only, like the rest of the harness.
 */
final class ServerGauges {

    /** Clock ticks a second in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long appPid;
    private final Path postmasterPidFile;

    ServerGauges(long appPid, Path dataDirectory) {
        this.appPid = appPid;
        this.postmasterPidFile = dataDirectory.resolve("postgresql/postmaster.pid");
    }

    /** Live heap in bytes after a full collection. */
    long liveHeapBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info shows no used size");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** CPU seconds the app's JVM has used so far. */
    double appCpuSeconds() throws IOException {
        return cpu(appPid, false);
    }

    /** CPU seconds PostgreSQL has used so far, finished backends included. */
    double databaseCpuSeconds() throws IOException {
        long postmaster =
                Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
        double total = cpu(postmaster, true);
        for (ProcessHandle backend :
                ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(java.util.List.of())) {
            try {
                total += cpu(backend.pid(), false);
            } catch (IOException gone) {
                // Ended between listing and reading: its time is in the postmaster's reaped time now.
            }
        }
        return total;
    }

    private static double cpu(long pid, boolean withReapedChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(appPid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
