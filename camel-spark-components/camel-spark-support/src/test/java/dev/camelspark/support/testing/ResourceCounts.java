package dev.camelspark.support.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * The JVM's open file descriptors and live threads, for tests that check nothing is left behind. Threads of the test
 * servers (which run in the same JVM, and whose pools grow with the load) and of the test tooling are not counted.
 */
public final class ResourceCounts {

    private static final List<String> NOT_COUNTED = List.of("http-test-server", "raw-http-server", "HTTP-Dispatcher",
            "task-service", "awaitility", "ForkJoinPool", "junit-timeout", "Attach Listener", "process reaper");

    private ResourceCounts() {
    }

    public static long openFileDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    /** What the descriptors are (Linux), for a failure message that says what was left open. */
    public static List<String> openFileDescriptorTargets() {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") ? target + socketPorts(target.substring(8, target.length() - 1))
                            : target;
                } catch (java.io.IOException e) {
                    return "?";
                }
            }).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** " local->remote state" of a TCP socket by its inode, from /proc/self/net/tcp(6). */
    private static String socketPorts(String inode) {
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[9].equals(inode)) {
                        return " " + Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) + "->"
                               + Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16) + " st" + f[3];
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux: the inode alone
            }
        }
        return "";
    }

    /** Live threads but the servers' and the tooling's. */
    public static long threads() {
        return liveThreadNames().stream().filter(n -> NOT_COUNTED.stream().noneMatch(n::startsWith)).count();
    }

    /** What {@link #threads()} counts, for a failure message that says which thread was left. */
    public static List<String> countedThreadNames() {
        return liveThreadNames().stream().filter(n -> NOT_COUNTED.stream().noneMatch(n::startsWith)).sorted().toList();
    }

    private static List<String> liveThreadNames() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        return Arrays.stream(infos).filter(Objects::nonNull).map(ThreadInfo::getThreadName).toList();
    }
}
