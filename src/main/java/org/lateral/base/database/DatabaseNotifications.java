package org.lateral.base.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} for this app node (issue 18, DD030): one connection of its
 * own, outside the request pool, listens on every channel a feature asked for, and counts the
 * notifications per payload in memory. A page that wants to know whether something changed
 * compares a {@link Watch}'s version with the one it last drew, which costs no query; a change
 * committed on any node moves the version on every node.
 *
 * <p>Coalescing is free: a notification only bumps a counter, however many arrive, and a page
 * re-reads at most once per its own poll. When the connection is lost (a database restart, a
 * failover), notifications sent meanwhile are gone, so every reconnection moves every version:
 * each open page re-reads once. Until the first connection the versions stay put, and the first
 * connection moves them too.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

    /** Shown in {@code pg_stat_activity}, to tell the listener from the pool's connections. */
    public static final String APPLICATION_NAME = "lateral-notifications";

    /** How long one wait for notifications lasts; also how soon a stop is noticed. */
    private static final int WAIT_MILLIS = 1000;

    /** A connection that saw nothing for this long is checked with a query (a silent network). */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(15);

    /** The most time between two attempts to reconnect. */
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(10);

    /** Private channel for {@link #awaitDelivered}: not a feature's. */
    private static final String BARRIER = "lateral_notifications_barrier";

    private final DataSource dataSource;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> barriers = new ConcurrentHashMap<>();
    /** Moves at every (re)connection: notifications may have been missed before it. */
    private final AtomicLong epoch = new AtomicLong();

    private volatile boolean running;
    private volatile @Nullable Thread listener;
    private volatile @Nullable Connection connection;

    DatabaseNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The channel of this name, listened to from now on (on the next connection when one is
     * already open). Feature components ask for theirs when they are created, before the
     * listener starts.
     */
    public Channel channel(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain channel name: " + name);
        }
        return channels.computeIfAbsent(name, Channel::new);
    }

    /** Whether the listening connection is open now. */
    public boolean listening() {
        return connection != null;
    }

    /**
     * Waits until every notification committed before this call has been counted, by sending one
     * of its own and waiting for it: PostgreSQL delivers a listener's notifications in commit
     * order. For tests, which must not race the listener; false when it did not arrive in time.
     */
    public boolean awaitDelivered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!listening()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        String token = UUID.randomUUID().toString();
        CountDownLatch arrived = new CountDownLatch(1);
        barriers.put(token, arrived);
        try {
            // Sent again now and then: a listener reconnecting meanwhile misses the first one.
            while (System.nanoTime() < deadline) {
                try (Connection c = dataSource.getConnection();
                        var statement = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    statement.setString(1, BARRIER);
                    statement.setString(2, token);
                    statement.execute();
                } catch (SQLException e) {
                    // The database is away: try again until the limit.
                }
                long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(500), deadline - System.nanoTime());
                if (arrived.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
            return false;
        } finally {
            barriers.remove(token);
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread =
                Thread.ofPlatform().name("lateral-notifications").daemon(true).unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the pool and Flyway, stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        boolean warned = false;
        while (running) {
            try {
                Connection c = connect();
                connection = c;
                if (warned) {
                    log.info("Listening to the database's change notifications again");
                }
                warned = false;
                backoff = Duration.ofMillis(250);
                // Whatever was sent while no connection listened is lost: every page re-reads once.
                channels.values().forEach(Channel::forget);
                epoch.incrementAndGet();
                receive(c);
            } catch (SQLException e) {
                if (running && !warned) {
                    log.warn(
                            "Not listening to the database's change notifications ({}); dashboards refresh once it is back",
                            e.getMessage());
                    warned = true;
                }
            } finally {
                closeQuietly();
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Set<String> listened = ConcurrentHashMap.newKeySet();
        long lastHeard = System.nanoTime();
        while (running) {
            listenToNew(c, listened);
            PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : received) {
                    deliver(n.getName(), n.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > IDLE_CHECK.toNanos()) {
                // A server gone without closing the socket is noticed here, not never.
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
            if (Thread.interrupted()) {
                return;
            }
        }
    }

    private void listenToNew(Connection c, Set<String> listened) throws SQLException {
        if (listened.isEmpty()) {
            listened.add(BARRIER);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + BARRIER);
            }
        }
        for (String name : channels.keySet()) {
            if (listened.add(name)) {
                try (Statement s = c.createStatement()) {
                    // Names are checked in channel(): plain identifiers only.
                    s.execute("LISTEN " + name);
                }
            }
        }
    }

    private void deliver(String channelName, String payload) {
        if (BARRIER.equals(channelName)) {
            CountDownLatch latch = barriers.get(payload);
            if (latch != null) {
                latch.countDown();
            }
            return;
        }
        Channel channel = channels.get(channelName);
        if (channel != null) {
            channel.bump(payload);
        }
    }

    /** Its own connection, with the pool's settings but not from the pool (it is held for ever). */
    private Connection connect() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("tcpKeepAlive", "true");
            Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            c.setAutoCommit(true);
            return c;
        }
        // Another pool (none in Lateral today): take one of its connections and keep it.
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already broken: nothing to release.
            }
        }
    }

    /** One channel's counts, by payload. */
    public final class Channel {

        private final String name;
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        private Channel(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** What a page holds on to: the version of one payload's changes on this channel. */
        public Watch watch(String payload) {
            return () -> epoch.get() + "." + count(payload);
        }

        private long count(String payload) {
            AtomicLong n = counts.get(payload);
            return n == null ? 0 : n.get();
        }

        /** After a reconnection the epoch moves, so the counts so far say nothing any more. */
        private void forget() {
            counts.clear();
        }

        private void bump(String payload) {
            counts.computeIfAbsent(payload, p -> new AtomicLong()).incrementAndGet();
        }
    }

    /** A version that moves whenever a notification with its payload arrives, or after a reconnection. */
    @FunctionalInterface
    public interface Watch {
        /** Compare with an earlier value: different means something may have changed since. */
        String version();
    }
}
