/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.DirectorySnapshot;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection on the PID file with real launchers, daemons and command-line tools:
 * whatever is put at the PID path, whatever other path names the same file, whatever
 * other lock is on it and however the daemon's own process opens it, the PID file never
 * harms a file and two daemons never share one. Every refusal is checked for its exit
 * status, for a message that names the path, for no process left behind and for a
 * directory exactly as it was (identity, type, size, modification time and content of
 * every entry).
 */
@EnabledOnOs(OS.LINUX)
class PidFileTrustTests extends RealDaemonTests {

	// ---- What is in an existing file at the PID path

	static Stream<Arguments> foreignContents() {
		StringBuilder services = new StringBuilder();
		for (int port = 1; services.length() < 3000; port++) {
			services.append("service").append(port).append("\t").append(port).append("/tcp\n");
		}
		byte[] binary = new byte[4096];
		binary[0] = 0x7f;
		binary[1] = 'E';
		binary[2] = 'L';
		binary[3] = 'F';
		for (int i = 4; i < binary.length; i++) {
			binary[i] = (byte) (i * 31);
		}
		byte[] big = "a log line that goes on\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
		return Stream.of(Arguments.of("text", bytes(services.toString())), Arguments.of("binary", binary),
				Arguments.of("big (1.2 MB)", big), Arguments.of("a PID and another line", bytes("1234\nhello\n")),
				Arguments.of("a PID and a blank line", bytes("1234\n\n")), Arguments.of("two PIDs", bytes("12\n34\n")),
				Arguments.of("a PID and a space", bytes("1234 \n")),
				Arguments.of("a space and a PID", bytes(" 1234\n")), Arguments.of("a negative number", bytes("-5\n")),
				Arguments.of("zero", bytes("0\n")), Arguments.of("a line break alone", bytes("\n")),
				Arguments.of("Arabic-Indic digits", "\u0661\u0662\n".getBytes(StandardCharsets.UTF_8)),
				Arguments.of("a number too large for a PID", bytes("99999999999999999999\n")),
				Arguments.of("a NUL byte", new byte[] { 0 }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("foreignContents")
	void anUnlockedFileThatIsNotAStalePidFileIsRefusedAndLeftAsItIs(String name, byte[] content) throws IOException {
		Files.write(this.pidFile, content);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertRefused(launcher, before, "not a PID");
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).isEqualTo(DaemonStatus.State.UNTRUSTED);
		assertThat(status.description()).contains(this.pidFile.toString()).contains("not a PID");
		Result stop = cli("stop", this.pidFile.toString());
		assertThat(stop.exitCode()).as(stop.toString()).isNotZero();
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "4194304", "4194304\n", "4194304\r\n" })
	void anEmptyFileOrALonePidIsAStalePidFileAndIsReclaimed(String content) throws IOException {
		Files.writeString(this.pidFile, content);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Files.readString(this.pidFile)).isEqualTo(pid + "\n");
		assertThat(this.daemons.liveProcesses()).containsExactly(pid);
	}

	// ---- What type of file is at the PID path

	@Test
	void aFifoIsRefusedWithoutHangingAnyone() throws Exception {
		mkfifo(this.pidFile);
		assertEveryCommandRefusesAndLeavesItAsItIs("a FIFO");
	}

	@Test
	void aDirectoryIsRefused() throws Exception {
		Files.createDirectory(this.pidFile);
		assertEveryCommandRefusesAndLeavesItAsItIs("a directory");
	}

	@Test
	void aCharacterDeviceIsRefusedAndNeverRemoved() throws Exception {
		assumeThat(root()).as("mknod needs root").isTrue();
		// The null device's numbers, on a node of the test's own: the real one is never
		// touched.
		run("mknod", this.pidFile.toString(), "c", "1", "3");
		assertEveryCommandRefusesAndLeavesItAsItIs("a character device");
	}

	@Test
	void aUnixSocketIsRefused() throws Exception {
		try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			socket.bind(UnixDomainSocketAddress.of(this.pidFile));
			assertEveryCommandRefusesAndLeavesItAsItIs("a socket");
		}
	}

	@Test
	void aSymbolicLinkToAStalePidFileIsRefused() throws Exception {
		Path target = Files.writeString(this.directory.resolve("elsewhere.pid"), "4194304\n");
		Files.createSymbolicLink(this.pidFile, target);
		assertEveryCommandRefusesAndLeavesItAsItIs("symbolic link");
	}

	@Test
	void aDanglingSymbolicLinkIsRefusedAndNothingIsCreatedWhereItPoints() throws Exception {
		Files.createSymbolicLink(this.pidFile, this.directory.resolve("missing.pid"));
		assertEveryCommandRefusesAndLeavesItAsItIs("symbolic link");
		assertThat(this.directory.resolve("missing.pid")).doesNotExist();
	}

	@Test
	void aSymbolicLinkToAFifoIsRefusedWithoutHanging() throws Exception {
		Path fifo = this.directory.resolve("fifo");
		mkfifo(fifo);
		Files.createSymbolicLink(this.pidFile, fifo);
		assertEveryCommandRefusesAndLeavesItAsItIs("symbolic link");
	}

	// ---- Other paths of the same file as a stream target

	@Test
	void theLogAsPidFileIsRefusedBeforeAnythingIsCreated() {
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.log, this.log);
		assertRefused(launcher, before, "same file as the daemon's stdout");
		assertThat(launcher.stderr()).contains(this.log.toString());
	}

	@Test
	void theLogByADotDotPathIsRefused() throws IOException {
		Files.createDirectory(this.directory.resolve("sub"));
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.directory.resolve("sub/../app.log"), this.log);
		assertRefused(launcher, before, "same file as the daemon's stdout");
	}

	@Test
	void anEmptyLogByAHardLinkIsRefusedThoughItLooksLikeAStalePidFile() throws IOException {
		Files.createFile(this.log);
		Files.createLink(this.pidFile, this.log);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertRefused(launcher, before, "same file as the daemon's stdout");
	}

	@Test
	void aLogThatIsASymbolicLinkToThePidFileIsRefusedEvenBeforeEitherExists() throws IOException {
		Path link = Files.createSymbolicLink(this.directory.resolve("out.log"), this.pidFile);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.pidFile, link);
		assertRefused(launcher, before, "same file as the daemon's stdout");
		assertThat(this.pidFile).doesNotExist();
	}

	@Test
	void standardErrorOrInputOnThePidFileIsRefused() throws IOException {
		Files.createFile(this.pidFile);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result stderr = this.daemons.launch(this.pidFile, this.log, "-Dtest.stderr=" + this.pidFile);
		assertRefused(stderr, before, "same file as the daemon's stderr");
		Result stdin = this.daemons.launch(this.pidFile, this.log, "-Dtest.stdin=" + this.pidFile);
		assertRefused(stdin, before, "same file as the daemon's stdin");
	}

	// ---- The lock belongs to the open file, not to the process

	@Test
	void theDaemonReadingItsPidFileKeepsTheLock() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.readPidFile=true");
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "pid file read back: " + pid);
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).as(status.description()).isEqualTo(DaemonStatus.State.RUNNING);
		assertThat(status.pid()).hasValue(pid);
		assertThat(cli("status", this.pidFile.toString()).exitCode()).isZero();
		Result second = this.daemons.launch(this.pidFile, this.log);
		assertThat(second.exitCode()).isNotZero();
		assertThat(second.stderr()).contains("already running (pid " + pid + ")");
		assertThat(this.daemons.liveProcesses()).containsExactly(pid);
		assertThat(Files.readAllLines(Path.of("/proc/locks")))
			.anyMatch((line) -> line.contains("FLOCK") && line.contains(" WRITE " + pid + " "));
	}

	@Test
	void aChildOfTheDaemonDoesNotKeepTheLockAfterTheDaemonDied() {
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.spawnChild=true");
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "child pid=");
		long child = Long.parseLong(Daemons.read(this.log).replaceAll("(?s).*child pid=(\\d+).*", "$1"));
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		assertThat(Proc.isGone(child)).as("the child outlives the daemon").isFalse();
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).as(status.description()).isEqualTo(DaemonStatus.State.STALE);
		Result restart = this.daemons.launch(this.pidFile, this.log);
		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		assertThat(Daemons.pidIn(this.pidFile)).isNotEqualTo(pid);
	}

	// ---- Locks that other programs hold on the file

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "posix-read", "posix-write", "ofd-read", "ofd-write", "flock-shared", "flock-exclusive" })
	void aForeignLockIsNeverTakenForNoLockAndNeverForADaemon(String kind) throws IOException {
		Files.writeString(this.pidFile, "4194304\n");
		Process holder = this.daemons.startChild("io.daemoniker.testapp.ForeignLockApp", List.of(),
				this.pidFile.toString(), kind);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Daemons.read(this.directory.resolve("child-0.out")).contains("locked " + kind));
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).as(status.description()).isEqualTo(DaemonStatus.State.UNTRUSTED);
		assertThat(status.description()).contains(this.pidFile.toString()).doesNotContain("not locked by any process");
		Result cliStatus = cli("status", this.pidFile.toString());
		assertThat(cliStatus.exitCode()).as(cliStatus.toString()).isEqualTo(4);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isNotZero();
		assertThat(launcher.stderr()).contains(this.pidFile.toString());
		Result stop = cli("stop", this.pidFile.toString());
		assertThat(stop.exitCode()).as(stop.toString()).isNotZero();
		assertThat(holder.isAlive()).as("the foreign process got no signal").isTrue();
		assertThat(this.daemons.liveProcesses()).containsExactly(holder.pid());
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
	}

	// ---- What the daemon finds when the path changed after the launcher's checks

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "fifo", "text", "directory", "dangling symbolic link", "hard link of the log" })
	void theDaemonRefusesWhatWasPutThereAfterTheLauncherLooked(String what) throws Exception {
		// The daemon takes its PID file itself here, after its JVM started; where the
		// shell takes it first, ShellPreparedStartTests changes it under the daemon.
		Path run = Files.createDirectory(this.directory.resolve("run"));
		Path pidFile = run.resolve("app.pid");
		// Outside the checked directory: a daemon that fails to start keeps its stack
		// trace in its own error log.
		Path log = this.directory.resolve("app.log");
		Path go = this.directory.resolve("go");
		CompletableFuture<Result> launcher = CompletableFuture.supplyAsync(
				() -> this.daemons.launch(pidFile, log, "-Dtest.daemonAwait=" + go, "-Ddaemoniker.flock=none"));
		// The launcher has checked the paths once its daemon runs.
		await().atMost(Duration.ofSeconds(60)).until(() -> this.daemons.liveProcesses().size() >= 2);
		String reason = switch (what) {
			case "fifo" -> {
				mkfifo(pidFile);
				yield "a FIFO";
			}
			case "text" -> {
				Files.writeString(pidFile, "precious notes\n");
				yield "not a PID";
			}
			case "directory" -> {
				Files.createDirectory(pidFile);
				yield "a directory";
			}
			case "dangling symbolic link" -> {
				Files.createSymbolicLink(pidFile, run.resolve("elsewhere"));
				yield "symbolic link";
			}
			default -> {
				Files.createFile(log);
				Files.createLink(pidFile, log);
				yield "same file as the daemon's stdout";
			}
		};
		DirectorySnapshot before = DirectorySnapshot.of(run);
		Files.createFile(go);
		Result result = launcher.get(120, TimeUnit.SECONDS);
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.stderr()).as(result.toString()).contains(pidFile.toString()).contains(reason);
		assertThat(this.daemons.liveProcesses()).isEmpty();
		assertThat(DirectorySnapshot.of(run)).isEqualTo(before);
	}

	// ---- Paths resolved as the kernel resolves them

	@Test
	void dotDotAfterASymbolicLinkIsResolvedAsTheKernelDoes() throws IOException {
		Path b = Files.createDirectories(this.directory.resolve("a/b"));
		Files.createSymbolicLink(this.directory.resolve("link"), b);
		Path given = this.directory.resolve("link/../x.pid");
		Path givenLog = this.directory.resolve("link/../x.log");
		Result launcher = this.daemons.launch(given, givenLog);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Path real = this.directory.resolve("a/x.pid");
		assertThat(real).exists();
		assertThat(this.directory.resolve("x.pid")).doesNotExist();
		assertThat(this.directory.resolve("a/x.log")).exists();
		long pid = Daemons.pidIn(given);
		DaemonStatus status = Daemoniker.status(given);
		assertThat(status.pid()).hasValue(pid);
		assertThat(status.pidFile()).isEqualTo(real);
		assertThat(cli("stop", given.toString()).exitCode()).isZero();
		Daemons.awaitGone(pid);
		assertThat(real).doesNotExist();
	}

	@Test
	void aPidFileAndALogThatMeetOnlyThroughASymbolicLinkAreRefused() throws IOException {
		Path b = Files.createDirectories(this.directory.resolve("a/b"));
		Files.createSymbolicLink(this.directory.resolve("link"), b);
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.directory.resolve("link/../app.log"),
				this.directory.resolve("a/app.log"));
		assertRefused(launcher, before, "same file as the daemon's stdout");
	}

	// ---- Messages about paths

	@Test
	void aPathLongerThanTheSystemAllowsIsCalledSo() {
		Path deep = this.directory.resolve("d/".repeat(2100) + "app.pid");
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(deep, this.log);
		assertRefused(launcher, before, "longer than this system allows");
		assertThat(launcher.stderr()).doesNotContain("does not exist");
		Path longName = this.directory.resolve("p".repeat(300) + ".pid");
		Result named = this.daemons.launch(longName, this.log);
		assertRefused(named, before, "longer than this system allows");
	}

	@Test
	void aMissingDirectoryIsCalledSo() {
		Path missing = this.directory.resolve("missing/app.pid");
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(missing, this.log);
		assertRefused(launcher, before, "directory " + this.directory.resolve("missing") + " does not exist");
	}

	@Test
	void aWorkingDirectoryThatIsARegularFileIsCalledSo() throws IOException {
		Path file = Files.writeString(this.directory.resolve("notes.txt"), "notes\n");
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.chdir=" + file);
		assertRefused(launcher, before, file + ": it is a regular file, not a directory");
	}

	// ---- Helpers

	/**
	 * The launcher, {@code status}, {@code send} and {@code stop} each refuse what is at
	 * the PID path with their LSB exit code for it, end without hanging (a command that
	 * hangs is killed after 90 s and fails the test), and leave it as it was.
	 */
	private void assertEveryCommandRefusesAndLeavesItAsItIs(String what) {
		DirectorySnapshot before = DirectorySnapshot.of(this.directory);
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertRefused(launcher, before, what);
		for (List<String> command : List.of(List.of("status"), List.of("send", "HUP"), List.of("stop"))) {
			List<String> args = new ArrayList<>(command);
			args.add(1, this.pidFile.toString());
			Result result = cli(args.toArray(new String[0]));
			// LSB: status says 4, "unknown"; the other commands fail with 1.
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(command.get(0).equals("status") ? 4 : 1);
			assertThat(result.stdout() + result.stderr()).as(result.toString())
				.contains(this.pidFile.toString())
				.contains(what);
		}
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.state()).isEqualTo(DaemonStatus.State.UNTRUSTED);
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
	}

	private void assertRefused(Result launcher, DirectorySnapshot before, String reason) {
		assertThat(launcher.exitCode()).as(launcher.toString()).isNotZero();
		assertThat(launcher.stderr()).as(launcher.toString()).contains(reason);
		assertThat(this.daemons.liveProcesses()).isEmpty();
		assertThat(DirectorySnapshot.of(this.directory)).isEqualTo(before);
	}

	private Result cli(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
		command.addAll(Arrays.asList(args));
		return this.daemons.run(command, this.directory);
	}

	private static void mkfifo(Path path) throws Exception {
		run("mkfifo", path.toString());
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
