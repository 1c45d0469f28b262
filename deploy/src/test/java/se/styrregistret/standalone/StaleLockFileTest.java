package se.styrregistret.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher removes a postmaster.pid (and its socket's lock file) that a killed register left
 * behind when PostgreSQL would take it for a running server (its process id taken by another program, or the killed postmaster
 * not yet reaped), and never the lock file of a PostgreSQL that runs.
 */
class StaleLockFileTest {

    @TempDir
    Path dataDir;

    @Test
    void a_lock_file_naming_a_live_process_that_is_not_postgresql_is_removed() throws Exception {
        // given: the killed postmaster's process id now belongs to another program (here: this JVM)
        Path lockFile = lockFileNaming(ProcessHandle.current().pid());

        Standalone.removeStaleLockFile(dataDir);

        assertThat(lockFile).doesNotExist();
    }

    @Test
    void a_lock_file_naming_a_zombie_is_removed() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "zombies are recognised through /proc (Linux)");
        // given: a process that has ended but whose parent has not collected it (as a killed postmaster until init reaps it)
        // the child ends after its shell has become "sleep", which never collects it (the shell itself might)
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.5 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().strip());
            awaitZombie(zombie);
            Path lockFile = lockFileNaming(zombie);

            Standalone.removeStaleLockFile(dataDir);

            assertThat(lockFile).doesNotExist();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void a_lock_file_naming_no_process_is_left_for_postgresql_which_removes_it_itself() throws Exception {
        Path lockFile = lockFileNaming(Integer.MAX_VALUE);

        Standalone.removeStaleLockFile(dataDir);

        assertThat(lockFile).exists();
    }

    @Test
    void the_lock_file_of_a_running_postgresql_is_never_removed() throws Exception {
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start()) {
            Path lockFile = dataDir.resolve("postmaster.pid");
            String before = Files.readString(lockFile);

            Standalone.removeStaleLockFile(dataDir);

            assertThat(lockFile).hasContent(before);
            assertThat(running.getPort()).isPositive();
        }
    }

    @Test
    void the_socket_lock_file_of_the_killed_postmaster_goes_with_its_postmaster_pid(@TempDir Path socketDir) throws Exception {
        // given: the killed postmaster's files, both naming its process id, now another program's (this JVM)
        long pid = ProcessHandle.current().pid();
        Path lockFile = Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1764650000\n43569\n"
                + socketDir + "\nlocalhost\n  1234567      8\nready   \n");
        Path socketLock = Files.writeString(socketDir.resolve(".s.PGSQL.43569.lock"), pid + "\n" + dataDir + "\n1764650000\n43569\n");
        Path otherSocketLock = Files.writeString(socketDir.resolve(".s.PGSQL.43570.lock"), pid + "\n");

        Standalone.removeStaleLockFile(dataDir);

        assertThat(lockFile).doesNotExist();
        assertThat(socketLock).doesNotExist();
        // another port's lock is another server's business
        assertThat(otherSocketLock).exists();
    }

    @Test
    void a_socket_lock_file_naming_another_process_is_left_alone(@TempDir Path socketDir) throws Exception {
        long pid = ProcessHandle.current().pid();
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1764650000\n43569\n" + socketDir + "\n");
        Path socketLock = Files.writeString(socketDir.resolve(".s.PGSQL.43569.lock"), ProcessHandle.current().parent().orElseThrow().pid() + "\n");

        Standalone.removeStaleLockFile(dataDir);

        assertThat(socketLock).exists();
    }

    private Path lockFileNaming(long pid) throws Exception {
        // the first line is the postmaster's process id; the rest as PostgreSQL 15 writes it
        return Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1764650000\n5432\n/tmp\nlocalhost\n"
                + "  1234567      8\nready   \n");
    }

    private static void awaitZombie(long pid) throws Exception {
        for (int i = 0; i < 500; i++) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat.charAt(stat.lastIndexOf(')') + 2) == 'Z') return;
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " did not become a zombie");
    }
}
