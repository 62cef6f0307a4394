package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lateral.base.database.EmbeddedPostgresServer;

/**
 * The documented command as an operator runs it: the production jar in its own process, once
 * against an external PostgreSQL (SPRING_DATASOURCE_URL; here a PostgreSQL this test starts) and
 * once against the same cluster as the built-in database of a data directory. No Spring context
 * in the test itself.
 */
class SchoolCommandProcessIT {

    /** What one run of the jar printed and how it ended. */
    record Result(int status, String output) {}

    private static Result jar(Path work, List<String> args, String... env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(work, "run-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                java, "-jar", Path.of("target", "lateral.jar").toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("LATERAL_DATA_DIR");
        builder.environment().put("LATERAL_DEMO", "false");
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("the command ends by itself; log: " + log)
                .isTrue();
        return new Result(process.exitValue(), Files.readString(log));
    }

    @Test
    void the_jar_adds_a_school_on_an_external_database_and_lists_it_from_the_built_in_one() throws Exception {
        Path work = Files.createDirectories(
                Path.of("target", "school-command", UUID.randomUUID().toString())
                        .toAbsolutePath());
        Path dataDir = work.resolve("data");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Result added;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, false)) {
            added = jar(
                    work,
                    List.of("school", "add", "Riverside College " + suffix, "--admin", "riverside-" + suffix),
                    "SPRING_DATASOURCE_URL",
                    postgres.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME",
                    postgres.username(),
                    "SPRING_DATASOURCE_PASSWORD",
                    postgres.password());
        }
        assertThat(added.status()).as(added.output()).isZero();
        assertThat(added.output())
                .contains("Added the school \"Riverside College " + suffix + "\"")
                .contains("username:          riverside-" + suffix)
                .containsPattern("one-time password: [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}");

        // The same cluster, now as the built-in database of its data directory.
        Result list = jar(work, List.of("school", "list", "--data-dir", dataDir.toString()));
        assertThat(list.status()).as(list.output()).isZero();
        assertThat(list.output().lines().filter(l -> l.endsWith("  Riverside College " + suffix)))
                .singleElement()
                .satisfies(l -> assertThat(l).matches("\\S{36}  \\d{4}-\\d\\d-\\d\\d  +1  +0  Riverside College .*"));
        assertThat(list.output()).contains("2 schools.");
    }
}
