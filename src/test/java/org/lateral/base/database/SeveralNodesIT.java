package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lets several app nodes share one database (issue 18, DD030): a scheduled job's pass is
 * claimed by one node only, and nodes starting together take turns at their start-up work.
 */
@LateralServerTest
class SeveralNodesIT {

    @Autowired
    ScheduledPasses passes;

    @Autowired
    StartupTurns turns;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_pass_is_claimed_once_within_its_gap_and_other_jobs_are_not_held_up() {
        String job = "job-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(passes.claim(job, Duration.ofHours(5))).isTrue();
        assertThat(passes.claim(job, Duration.ofHours(5)))
                .as("another node's timer, same pass")
                .isFalse();
        assertThat(passes.claim("other-" + job, Duration.ofHours(5))).isTrue();
        assertThat(passes.claim(job, Duration.ZERO)).as("the next pass").isTrue();
    }

    @Test
    void nodes_claiming_the_same_pass_at_the_same_moment_run_it_once() throws Exception {
        String job = "race-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> claims = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> nodes.submit(() -> {
                        go.await();
                        return passes.claim(job, Duration.ofHours(5));
                    }))
                    .toList();
            go.countDown();
            long won = 0;
            for (Future<Boolean> claim : claims) {
                if (claim.get(30, TimeUnit.SECONDS)) {
                    won++;
                }
            }
            assertThat(won).isEqualTo(1);
        }
    }

    @Test
    void a_node_starting_while_another_does_its_start_up_work_waits_for_its_turn() throws Exception {
        try (Connection first = dataSource.getConnection();
                Statement s = first.createStatement()) {
            // The first node is in the middle of its start-up work.
            s.execute("SELECT pg_advisory_lock(" + StartupTurns.KEY + ")");
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    turns.run(null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (waiting() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waiting()).as("the second node waits at the lock").isEqualTo(1);
            assertThat(second).isNotDone();
            s.execute("SELECT pg_advisory_unlock(" + StartupTurns.KEY + ")");
            second.get(15, TimeUnit.SECONDS);
        } finally {
            turns.release();
        }
        assertThat(waiting()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
                        .query(Long.class)
                        .single())
                .as("released, and not left on a pooled connection")
                .isZero();
    }

    private long waiting() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class)
                .single();
    }
}
