/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.daemoniker.DaemonStatus;
import io.daemoniker.Daemoniker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the packaged {@code spring-daemon.jar} as a real daemon and drives it as an
 * operator would: {@code kill}, the core's {@code send}, the {@code daemoniker} command
 * and the Actuator endpoint. One daemon serves the tests in order, ending with its
 * graceful stop; the Actuator stop and the start-up failure get daemons of their own.
 * Every process whose command line names this test's directory is killed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringDaemonProcessTests {

	private static final Pattern STARTED = Pattern.compile("Started daemon: pid (\\d+), PID file (.+)");

	private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Path directory;

	private Path pidFile;

	private Path log;

	private int port;

	private long pid;

	@BeforeAll
	void startDaemon() throws Exception {
		this.directory = Files.createTempDirectory("spring-daemon-tests");
		this.pidFile = this.directory.resolve("app.pid");
		this.log = this.directory.resolve("app.log");
		this.port = freePort();
		Launch launch = launch(this.pidFile, this.log, this.port);
		assertThat(launch.status()).as(launch.toString()).isZero();
		this.pid = launch.daemonPid();
	}

	@AfterAll
	void killEverythingLeft() throws IOException {
		// By PID, and only processes started from this test's own directory.
		for (long leftover : processesNaming(this.directory)) {
			ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	@Order(1)
	void launcherPrintsOneLineAndLeavesADetachedDaemon() throws Exception {
		assertThat(this.pidFile).hasContent(Long.toString(this.pid));
		String[] ps = run("ps", "-o", "ppid=,sid=,tty=", "-p", Long.toString(this.pid)).strip().split("\\s+");
		assertThat(Long.parseLong(ps[1])).as("session id").isNotEqualTo(this.pid);
		assertThat(ps[2]).as("controlling terminal").isEqualTo("?");
		DaemonStatus status = Daemoniker.status(this.pidFile);
		assertThat(status.isRunning()).isTrue();
		assertThat(status.pid()).hasValue(this.pid);
		HttpResponse<String> hello = get("/");
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).contains("Hello from pid " + this.pid);
	}

	@Test
	@Order(2)
	void hupReachesTheOnSignalMethodFromEverySender() throws Exception {
		run("kill", "-HUP", Long.toString(this.pid));
		awaitLog("reload requested (1)");
		Daemoniker.send(this.pidFile, "HUP");
		awaitLog("reload requested (2)");
		HttpResponse<String> sent = post("/actuator/daemoniker/signal/HUP");
		assertThat(sent.statusCode()).isEqualTo(200);
		awaitLog("reload requested (3)");
		String description = get("/actuator/daemoniker").body();
		assertThat(JsonPath.<Integer>read(description, "$.pid")).isEqualTo((int) this.pid);
		assertThat(JsonPath.<String>read(description, "$.pidFile")).isEqualTo(this.pidFile.toString());
		assertThat(JsonPath.<String>read(description, "$.mode")).isEqualTo("daemon");
		assertThat(JsonPath.<Integer>read(description, "$.signals.HUP")).isEqualTo(3);
		assertThat(JsonPath.<Integer>read(description, "$.signals.TERM")).isZero();
		assertThat(JsonPath.<Integer>read(description, "$.signals.INT")).isZero();
		assertThat(post("/actuator/daemoniker/signal/QUIT").statusCode()).isEqualTo(400);
		assertThat(Daemoniker.status(this.pidFile).isRunning()).as("the daemon still holds its PID file").isTrue();
	}

	@Test
	@Order(3)
	void afterLogRotationHupSendsNewLinesToANewFile() throws Exception {
		// What logrotate does without copytruncate: rename, then signal.
		Path rotated = this.log.resolveSibling("app.log.1");
		Files.move(this.log, rotated);
		run("kill", "-HUP", Long.toString(this.pid));
		// The console log of Spring Boot (standard output) lands in a new file, and the
		// @OnSignal method for HUP still runs, after the reopening.
		awaitLog("reload requested (4)");
		assertThat(get("/slow?ms=1").statusCode()).isEqualTo(200);
		awaitLog("slow request started");
		String old = Files.readString(rotated);
		assertThat(old).contains("reload requested (3)")
			.doesNotContain("reload requested (4)")
			.doesNotContain("slow request started");
		assertThat(Files.readString(this.log)).doesNotContain("reload requested (3)");
	}

	@Test
	@Order(4)
	void secondStartWithTheSamePidFileFails() throws Exception {
		Launch second = launch(this.pidFile, this.directory.resolve("second.log"), freePort());
		assertThat(second.status()).isNotZero();
		assertThat(second.stderr()).contains("already running (pid " + this.pid + ")");
		assertThat(this.pidFile).hasContent(Long.toString(this.pid));
		assertThat(get("/").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(5)
	void cliStopDrainsTheRequestInFlightAndRemovesThePidFile() throws Exception {
		CompletableFuture<HttpResponse<String>> slow = this.http.sendAsync(request("/slow?ms=3000").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		awaitLog("answering in 3000 ms");
		String cli = System.getProperty("daemoniker.test.cli");
		Process stop = new ProcessBuilder(java(), "-jar", cli, "stop", this.pidFile.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String stopOutput = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(stop.exitValue()).as(stopOutput).isZero();
		HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Slept 3000 ms");
		assertThat(this.pidFile).doesNotExist();
		awaitGone(this.pid);
		String logText = Files.readString(this.log);
		assertThat(logText).contains("signal 15 received, shutting down", "Stopping on SIGTERM",
				"Graceful shutdown complete", "destroying beans after 4 reloads");
		assertThat(logText.indexOf("signal 15 received")).as("the @OnSignal method runs first")
			.isLessThan(logText.indexOf("Stopping on SIGTERM"));
		assertThat(logText.indexOf("Graceful shutdown complete")).isLessThan(logText.indexOf("destroying beans"));
	}

	@Test
	@Order(6)
	void actuatorStopEndsAnotherDaemonStartedElsewhere() throws Exception {
		Path otherPidFile = this.directory.resolve("other.pid");
		Path otherLog = this.directory.resolve("other.log");
		Path workingDirectory = Files.createDirectory(this.directory.resolve("work"));
		int otherPort = freePort();
		// A relative PID file is the launcher's, even though the daemon runs elsewhere.
		Launch launch = launch(Path.of("other.pid"), otherLog, otherPort,
				"--daemoniker.working-directory=" + workingDirectory, "--daemoniker.stderr=" + otherLog,
				"--daemoniker.umask=077");
		assertThat(launch.status()).as(launch.toString()).isZero();
		long otherPid = launch.daemonPid();
		assertThat(otherPidFile).hasContent(Long.toString(otherPid));
		assertThat(Path.of("/proc/" + otherPid + "/cwd").toRealPath()).isEqualTo(workingDirectory.toRealPath());
		assertThat(Files.readAllLines(Path.of("/proc/" + otherPid + "/status"))).contains("Umask:\t0077");
		String description = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/actuator/daemoniker")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(JsonPath.<String>read(description, "$.pidFile")).isEqualTo(otherPidFile.toString());
		HttpResponse<String> stopped = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/actuator/daemoniker"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stopped.statusCode()).isEqualTo(200);
		assertThat(stopped.body()).contains("Stopping pid " + otherPid);
		awaitGone(otherPid);
		assertThat(otherPidFile).doesNotExist();
		assertThat(Files.readString(otherLog)).contains("Stopping on request", "destroying beans");
	}

	@Test
	@Order(7)
	void startupFailureIsReportedAndLeavesNothingBehind() throws Exception {
		Path failedPidFile = this.directory.resolve("failed.pid");
		try (ServerSocket taken = new ServerSocket(0)) {
			Launch launch = launch(failedPidFile, this.directory.resolve("failed.log"), taken.getLocalPort());
			assertThat(launch.status()).isNotZero();
			assertThat(launch.stdout()).doesNotContain("Started daemon");
			assertThat(launch.stderr()).contains("failed to start")
				.contains("Port " + taken.getLocalPort() + " was already in use");
		}
		assertThat(failedPidFile).doesNotExist();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(processesNaming(failedPidFile)).as("processes left").isEmpty());
	}

	@Test
	@Order(8)
	void underSystemdAutoModeRunsInTheForegroundAndTermEndsIt() throws Exception {
		Path foregroundPidFile = this.directory.resolve("foreground.pid");
		int foregroundPort = freePort();
		ProcessBuilder builder = new ProcessBuilder(java(), "-jar", System.getProperty("daemoniker.test.jar"),
				"--daemoniker.pid-file=" + foregroundPidFile, "--server.port=" + foregroundPort)
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("foreground.log").toFile());
		builder.environment().put("INVOCATION_ID", "0123456789abcdef");
		Process application = builder.start();
		try {
			await().atMost(LAUNCH_TIMEOUT).until(() -> {
				assertThat(application.isAlive()).as("the application runs").isTrue();
				return Files.exists(foregroundPidFile) && Files.readString(this.log.resolveSibling("foreground.log"))
					.contains("Started SpringDaemonApplication");
			});
			assertThat(foregroundPidFile).hasContent(Long.toString(application.pid()));
			Daemoniker.send(foregroundPidFile, "TERM");
			assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(application.exitValue()).as("128 + SIGTERM").isEqualTo(143);
			assertThat(foregroundPidFile).doesNotExist();
			assertThat(Files.readString(this.directory.resolve("foreground.log"))).contains("Stopping on SIGTERM",
					"destroying beans");
		}
		finally {
			application.destroyForcibly();
		}
	}

	@Test
	@Order(9)
	@EnabledIf("startedAsRoot")
	void startedAsRootTheDaemonRunsAsNobodyWithoutCoreDumps() throws Exception {
		// The daemon, as nobody, must reach its directory, write its log there and remove
		// its PID file from it.
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path run = Files.createDirectory(this.directory.resolve("nobody"));
		Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path nobodyPidFile = run.resolve("app.pid");
		Path nobodyLog = run.resolve("app.log");
		Launch launch = launch(nobodyPidFile, nobodyLog, freePort(), "--daemoniker.user=nobody",
				"--daemoniker.prevent-core-dumps=true", "--daemoniker.working-directory=" + run);
		assertThat(launch.status()).as(launch.toString()).isZero();
		long nobodyPid = launch.daemonPid();
		try {
			String nobodyUid = run("id", "-u", "nobody").strip();
			assertThat(Files.readAllLines(Path.of("/proc/" + nobodyPid + "/status")))
				.contains("Uid:\t" + nobodyUid + "\t" + nobodyUid + "\t" + nobodyUid + "\t" + nobodyUid);
			assertThat(Files.readAllLines(Path.of("/proc/" + nobodyPid + "/limits")))
				.anyMatch((line) -> line.matches("Max core file size\\s+0\\s+0\\s+bytes\\s*"));
			assertThat(Files.getOwner(nobodyLog).getName()).isEqualTo("nobody");
			assertThat(Daemoniker.stop(nobodyPidFile, Duration.ofSeconds(60))).isTrue();
			assertThat(nobodyPidFile).as("removed by the daemon running as nobody").doesNotExist();
		}
		finally {
			ProcessHandle.of(nobodyPid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	@Order(10)
	void aDaemonWithoutAWebServerIsKeptAliveUnlessSpringMainKeepAliveSaysOtherwise() throws Exception {
		Path keptPidFile = this.directory.resolve("kept.pid");
		Launch kept = launch(keptPidFile, this.directory.resolve("kept.log"), freePort(),
				"--spring.main.web-application-type=none");
		assertThat(kept.status()).as(kept.toString()).isZero();
		long keptPid = kept.daemonPid();
		try {
			assertThat(threadNames(keptPid)).as("Spring Boot's keep-alive thread").contains("keep-alive");
			assertThat(Daemoniker.stop(keptPidFile, Duration.ofSeconds(60))).isTrue();
			assertThat(keptPidFile).doesNotExist();
		}
		finally {
			ProcessHandle.of(keptPid).ifPresent(ProcessHandle::destroyForcibly);
		}
		// The application's own spring.main.keep-alive decides: with nothing else to keep
		// it, the daemon ends once it is ready, and removes its PID file.
		Path endedPidFile = this.directory.resolve("ended.pid");
		Launch ended = launch(endedPidFile, this.directory.resolve("ended.log"), freePort(),
				"--spring.main.web-application-type=none", "--spring.main.keep-alive=false");
		assertThat(ended.status()).as(ended.toString()).isZero();
		long endedPid = ended.daemonPid();
		try {
			awaitGone(endedPid);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(endedPidFile).doesNotExist());
		}
		finally {
			ProcessHandle.of(endedPid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	private static List<String> threadNames(long pid) throws IOException {
		List<String> names = new ArrayList<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks.toList()) {
				names.add(Files.readString(task.resolve("comm")).strip());
			}
		}
		return names;
	}

	boolean startedAsRoot() throws Exception {
		return "0".equals(run("id", "-u").strip());
	}

	private Launch launch(Path pidFile, Path logFile, int serverPort, String... extraArguments) throws Exception {
		Path out = Files.createTempFile(this.directory, "launcher", ".out");
		Path err = Files.createTempFile(this.directory, "launcher", ".err");
		List<String> command = new ArrayList<>(List.of(java(), "-jar", System.getProperty("daemoniker.test.jar"),
				"--daemoniker.pid-file=" + pidFile, "--daemoniker.stdout=" + logFile, "--server.port=" + serverPort));
		command.addAll(List.of(extraArguments));
		Process launcher = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		try {
			assertThat(launcher.waitFor(LAUNCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("launcher finished").isTrue();
		}
		finally {
			launcher.destroyForcibly();
		}
		return new Launch(launcher.exitValue(), Files.readString(out), Files.readString(err));
	}

	private void awaitLog(String text) {
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(this.log).contains(text));
	}

	private static void awaitGone(long pid) {
		// A dead daemon may linger as a zombie until its new parent reaps it.
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Path stat = Path.of("/proc/" + pid + "/stat");
			if (!Files.exists(stat)) {
				return true;
			}
			String text = Files.readString(stat);
			return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
		});
	}

	private static List<Long> processesNaming(Path path) throws IOException {
		List<Long> pids = new ArrayList<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String commandLine = new String(Files.readAllBytes(entry.resolve("cmdline")),
							StandardCharsets.UTF_8);
					if (commandLine.contains(path.toString())
							&& Long.parseLong(name) != ProcessHandle.current().pid()) {
						pids.add(Long.parseLong(name));
					}
				}
				catch (IOException ex) {
					// The process ended while we looked.
				}
			}
		}
		return pids;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * What a launcher did: its exit status and what it printed.
	 */
	private record Launch(int status, String stdout, String stderr) {

		long daemonPid() {
			List<String> lines = this.stdout.lines().toList();
			assertThat(lines).as("the launcher prints one line").hasSize(1);
			Matcher matcher = STARTED.matcher(lines.get(0));
			assertThat(matcher.matches()).as(lines.get(0)).isTrue();
			return Long.parseLong(matcher.group(1));
		}

	}

}
