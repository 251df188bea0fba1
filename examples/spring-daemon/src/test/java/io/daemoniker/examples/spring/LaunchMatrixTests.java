/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.daemoniker.Daemoniker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the plain and the Spring example in every common way of launching a JVM
 * application, and checks each time that the daemon is up, runs the launcher's program
 * with the launcher's options and configuration (its {@code /proc/PID/cmdline} against
 * the command expected), and stops cleanly. Each case starts one daemon. The results go
 * to {@code docs/launch-matrix.md}, which this suite writes.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchMatrixTests {

	private static final Path SPRING_JAR = Path.of(System.getProperty("daemoniker.test.jar"));

	private static final Path MODULE = SPRING_JAR.getParent().getParent();

	private static final Path ROOT = MODULE.getParent().getParent();

	private static final Path PLAIN_JAR = ROOT.resolve("examples/plain-daemon/target/plain-daemon.jar");

	private static final String JDK_17 = System.getProperty("java.home");

	private static final String JDK_25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

	private static final String PLAIN_MAIN = "io.daemoniker.examples.plain.PlainDaemon";

	private static final String SPRING_MAIN = "io.daemoniker.examples.spring.SpringDaemonApplication";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> rows = new ArrayList<>();

	private Path base;

	private Path extracted;

	private Path currentDirectory;

	private final Set<String> testsRun = new HashSet<>();

	@BeforeAll
	void prepare() throws Exception {
		this.base = Files.createTempDirectory("launch-matrix");
		// One extracted Boot jar serves the extracted, CDS and AOT cases.
		Path tools = this.base.resolve("tools");
		Files.createDirectories(tools);
		Result extract = run(tools, List.of(java(JDK_17), "-Djarmode=tools", "-jar", SPRING_JAR.toString(), "extract",
				"--destination", this.base.resolve("extracted").toString()), Map.of());
		assertThat(extract.status()).as(extract.toString()).isZero();
		this.extracted = this.base.resolve("extracted/spring-daemon.jar");
	}

	@AfterAll
	void cleanUpAndWriteTheMatrix() throws IOException {
		for (long leftover : processesNaming(this.base)) {
			ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
		}
		try (Stream<Path> files = Files.walk(this.base)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		// Only a run of every case describes the matrix.
		long cases = Stream.of(getClass().getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(Test.class))
			.count();
		if (this.testsRun.size() == cases) {
			LaunchMatrix.write(ROOT.resolve("docs/launch-matrix.md"), this.rows);
		}
	}

	@Test
	@Order(1)
	void plainJavaJarWithARelativeJar() throws Exception {
		Path dir = caseDirectory("plain-jar");
		Files.copy(PLAIN_JAR, dir.resolve("plain-daemon.jar"));
		plain("java -jar, relative jar", JDK_17, dir, List.of("-jar", "plain-daemon.jar"),
				List.of("-jar", dir.resolve("plain-daemon.jar").toString()), Map.of());
	}

	@Test
	@Order(2)
	void plainClassPathDirectory() throws Exception {
		Path dir = caseDirectory("plain-dir");
		unzip(PLAIN_JAR, dir.resolve("classes"));
		plain("-cp directory, relative", JDK_17, dir, List.of("-cp", "classes", PLAIN_MAIN),
				List.of("-cp", dir.resolve("classes").toString(), PLAIN_MAIN), Map.of());
	}

	@Test
	@Order(3)
	void plainClassPathJarAndWildcards() throws Exception {
		Path dir = caseDirectory("plain-wildcard");
		Files.createDirectories(dir.resolve("lib"));
		Files.copy(PLAIN_JAR, dir.resolve("lib/plain-daemon.jar"));
		plain("-cp jar, relative", JDK_17, dir, List.of("-cp", "lib/plain-daemon.jar", PLAIN_MAIN),
				List.of("-cp", dir.resolve("lib/plain-daemon.jar").toString(), PLAIN_MAIN), Map.of());
		plain("-cp lib/* wildcard, relative", JDK_17, dir, List.of("-cp", "lib/*", PLAIN_MAIN),
				List.of("-cp", dir.resolve("lib") + "/*", PLAIN_MAIN), Map.of());
		plain("-cp /abs/lib/* wildcard, absolute", JDK_17, dir, List.of("-cp", dir.resolve("lib") + "/*", PLAIN_MAIN),
				List.of("-cp", dir.resolve("lib") + "/*", PLAIN_MAIN), Map.of());
	}

	@Test
	@Order(4)
	void plainArgumentFileAndClassPathManifestJar() throws Exception {
		Path dir = caseDirectory("plain-argfile");
		Files.createDirectories(dir.resolve("lib"));
		Files.copy(PLAIN_JAR, dir.resolve("lib/plain-daemon.jar"));
		Files.writeString(dir.resolve("java.args"), "-Xmx64m\n-cp \"lib/*\"\n");
		plain("@argfile with a relative class path", JDK_17, dir, List.of("@java.args", PLAIN_MAIN),
				List.of("-Xmx64m", "-cp", dir.resolve("lib") + "/*", PLAIN_MAIN), Map.of());
		writeClassPathJar(dir.resolve("launcher.jar"), PLAIN_MAIN, "lib/plain-daemon.jar");
		plain("class-path manifest jar (IDE style)", JDK_17, dir, List.of("-jar", "launcher.jar"),
				List.of("-jar", dir.resolve("launcher.jar").toString()), Map.of());
	}

	@Test
	@Order(5)
	void plainCommandLineOver128Kilobytes() throws Exception {
		Path dir = caseDirectory("plain-long");
		Files.copy(PLAIN_JAR, dir.resolve("plain-daemon.jar"));
		String classPath = IntStream.range(0, 1500)
			.mapToObj((i) -> dir.resolve(String.format("missing/pad-%05d.jar", i)).toString())
			.collect(Collectors.joining(":", "", ":" + dir.resolve("plain-daemon.jar")));
		List<String> options = new ArrayList<>(List.of("-cp", classPath.substring(classPath.indexOf(':') + 1)));
		IntStream.range(0, 600).forEach((i) -> options.add("-Dpad." + i + "=" + "x".repeat(60)));
		options.add(PLAIN_MAIN);
		assertThat(String.join(" ", options).length()).isGreaterThan(128 * 1024);
		plain("command line over 128 KB", JDK_17, dir, options, options, Map.of());
	}

	@Test
	@Order(6)
	void plainShellWrapperAndOptionVariables() throws Exception {
		Path dir = caseDirectory("plain-wrapper");
		Files.copy(PLAIN_JAR, dir.resolve("plain-daemon.jar"));
		Files.createDirectories(dir.resolve("logs"));
		Files.writeString(dir.resolve("run.sh"),
				"#!/bin/sh\nexec \"" + java(JDK_17) + "\" $JAVA_OPTS -jar plain-daemon.jar \"$@\"\n");
		// The JVM does not start if it cannot open a log: relative to /, it could not.
		Result wrapper = launch(dir, List.of("/bin/sh", "run.sh", "plain.pid", "plain.log"),
				Map.of("JAVA_OPTS", "-Xmx64m -Xlog:gc:file=logs/gc.log"));
		check("shell wrapper exec'ing java with JAVA_OPTS", "plain", JDK_17, dir, wrapper,
				List.of(java(JDK_17), "-Xmx64m", "-Xlog:gc:file=" + dir.resolve("logs/gc.log"), "-jar",
						dir.resolve("plain-daemon.jar").toString(), "plain.pid", "plain.log"),
				this::plainUp);
		plain("JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS with relative paths", JDK_17, dir,
				List.of("-jar", "plain-daemon.jar"), List.of("-jar", dir.resolve("plain-daemon.jar").toString()),
				Map.of("JDK_JAVA_OPTIONS", "-Xlog:gc:file=logs/jdk.log", "JAVA_TOOL_OPTIONS",
						"-Xlog:safepoint:file=logs/tool.log"));
	}

	@Test
	@Order(7)
	void plainOnJdk25() throws Exception {
		Path dir = caseDirectory("plain-25");
		Files.copy(PLAIN_JAR, dir.resolve("plain-daemon.jar"));
		plain("java -jar", JDK_25, dir, List.of("-jar", "plain-daemon.jar"),
				List.of("-jar", dir.resolve("plain-daemon.jar").toString()), Map.of());
	}

	@Test
	@Order(10)
	void springJavaJarInAnotherWorkingDirectory() throws Exception {
		Path dir = caseDirectory("spring-jar");
		Files.copy(SPRING_JAR, dir.resolve("app.jar"));
		spring("java -jar, working-directory=/", JDK_17, dir, List.of(), "app.jar", List.of());
		spring("java -jar, working-directory=/", JDK_25, dir, List.of(), "app.jar", List.of());
	}

	@Test
	@Order(11)
	void springExtractedJar() throws Exception {
		Path dir = caseDirectory("spring-extracted");
		spring("extracted Boot jar (-Djarmode=tools extract)", JDK_17, dir, List.of(), this.extracted.toString(),
				List.of());
	}

	@Test
	@Order(12)
	void springCdsArchiveOnJdk17() throws Exception {
		// -Xshare:on makes the JVM refuse to start if it cannot map the archive.
		springWithTrainedCache("CDS: archive at exit, then -XX:SharedArchiveFile (relative, -Xshare:on)", "spring-cds",
				JDK_17, List.of("-XX:ArchiveClassesAtExit=app.jsa"), "app.jsa",
				List.of("-XX:SharedArchiveFile=app.jsa", "-Xshare:on"));
	}

	@Test
	@Order(13)
	void springAotCacheOnJdk25() throws Exception {
		// -XX:AOTMode=on makes the JVM refuse to start if it cannot use the cache.
		springWithTrainedCache("AOT cache: -XX:AOTCacheOutput training, then -XX:AOTCache (relative, AOTMode=on)",
				"spring-aot", JDK_25, List.of("-XX:AOTCacheOutput=app.aot"), "app.aot",
				List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"));
	}

	@Test
	@Order(14)
	void springConfigDirectoryInAnotherWorkingDirectory() throws Exception {
		Path dir = caseDirectory("spring-config");
		Files.copy(SPRING_JAR, dir.resolve("app.jar"));
		Files.createDirectories(dir.resolve("config"));
		int port = freePort();
		// The profile, from SPRING_APPLICATION_JSON, picks the file that holds the port.
		Files.writeString(dir.resolve("config/application.properties"), "server.port=1\n");
		Files.writeString(dir.resolve("config/application-matrix.properties"), "server.port=" + port + "\n");
		Files.writeString(dir.resolve("extra.properties"), "greeting.source=extra\n");
		List<String> arguments = List.of("--spring.config.import=file:./extra.properties");
		Result result = launch(dir, springCommand(JDK_17, List.of(), "app.jar", arguments, null),
				Map.of("SPRING_APPLICATION_JSON", "{\"spring.profiles.active\":\"matrix\"}"));
		check("./config/application-{profile}.properties, profile from SPRING_APPLICATION_JSON, relative "
				+ "spring.config.import, working-directory=/", "spring", JDK_17, dir, result,
				springExpected(JDK_17, List.of(), dir.resolve("app.jar").toString(), arguments, null),
				(pid) -> springUp(pid, port));
	}

	@Test
	@Order(15)
	void springWithoutAWebServerStaysUp() throws Exception {
		Path dir = caseDirectory("spring-nonweb");
		Files.copy(SPRING_JAR, dir.resolve("app.jar"));
		List<String> arguments = List.of("--spring.main.web-application-type=none");
		Result result = launch(dir, springCommand(JDK_17, List.of(), "app.jar", arguments, null), Map.of());
		check("non-web application (web-application-type=none)", "spring", JDK_17, dir, result,
				springExpected(JDK_17, List.of(), dir.resolve("app.jar").toString(), arguments, null),
				(pid) -> assertThat(threadNames(pid)).as("threads").contains("keep-alive"));
	}

	@Test
	@Order(16)
	void springBootRun() throws Exception {
		Path dir = caseDirectory("spring-boot-run");
		Path repository = SpringBootRun.stageRepository(ROOT, this.base.resolve("repository"));
		int port = freePort();
		Path pidFile = dir.resolve("app.pid");
		List<String> command = SpringBootRun.command(MODULE, repository, List.of("--daemoniker.pid-file=" + pidFile,
				"--daemoniker.stdout=" + dir.resolve("app.log"), "--server.port=" + port));
		Result result = launch(dir, command, Map.of("JAVA_HOME", JDK_17));
		record("mvn spring-boot:run -Dspring-boot.run.arguments=--daemoniker.pid-file=...", "spring", JDK_17, () -> {
			assertThat(result.status()).as(result.toString()).isZero();
			long pid = pidIn(pidFile);
			List<String> daemon = cmdline(pid);
			assertThat(daemon.get(0)).isEqualTo(java(JDK_17));
			assertThat(daemon.get(1)).startsWith("-Ddaemoniker.daemon=");
			assertThat(daemon).contains(SPRING_MAIN, "--daemoniker.pid-file=" + pidFile, "--server.port=" + port);
			assertThat(daemon.get(daemon.indexOf("-cp") + 1)).contains(MODULE.resolve("target/classes").toString());
			springUp(pid, port);
			stop(pidFile, pid);
		});
	}

	private void plain(String name, String jdk, Path dir, List<String> options, List<String> expectedOptions,
			Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(jdk)));
		command.addAll(options);
		command.addAll(List.of("plain.pid", "plain.log"));
		List<String> expected = new ArrayList<>(List.of(java(jdk)));
		expected.addAll(expectedOptions);
		expected.addAll(List.of("plain.pid", "plain.log"));
		if (!Files.isDirectory(Path.of(jdk))) {
			notRun(name, "plain", jdk);
			return;
		}
		check(name, "plain", jdk, dir, launch(dir, command, environment), expected, this::plainUp);
	}

	private void spring(String name, String jdk, Path dir, List<String> jvmOptions, String jar, List<String> arguments)
			throws Exception {
		if (!Files.isDirectory(Path.of(jdk))) {
			notRun(name, "spring", jdk);
			return;
		}
		int port = freePort();
		Result result = launch(dir, springCommand(jdk, jvmOptions, jar, arguments, port), Map.of());
		List<String> expectedOptions = jvmOptions.stream()
			.map((option) -> option.replace("=app.", "=" + dir.resolve("app.")))
			.toList();
		check(name, "spring", jdk, dir, result,
				springExpected(jdk, expectedOptions, dir.resolve(jar).toString(), arguments, port),
				(pid) -> springUp(pid, port));
	}

	private List<String> springCommand(String jdk, List<String> jvmOptions, String jar, List<String> arguments,
			Integer port) {
		List<String> command = new ArrayList<>(List.of(java(jdk)));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar));
		command.addAll(springArguments(arguments, port));
		return command;
	}

	private List<String> springExpected(String jdk, List<String> jvmOptions, String jar, List<String> arguments,
			Integer port) {
		List<String> expected = new ArrayList<>(List.of(java(jdk)));
		expected.addAll(jvmOptions);
		expected.addAll(List.of("-jar", jar));
		expected.addAll(springArguments(arguments, port));
		return expected;
	}

	private static List<String> springArguments(List<String> arguments, Integer port) {
		List<String> all = new ArrayList<>(List.of("--daemoniker.pid-file=app.pid", "--daemoniker.stdout=app.log",
				"--daemoniker.working-directory=/"));
		if (port != null) {
			all.add("--server.port=" + port);
		}
		all.addAll(arguments);
		return all;
	}

	/**
	 * Trains a start-up cache of the extracted jar with the PID file set, then launches
	 * the extracted jar with options that make the JVM use that cache or fail.
	 */
	private void springWithTrainedCache(String name, String caseName, String jdk, List<String> recording, String output,
			List<String> use) throws Exception {
		Path dir = caseDirectory(caseName);
		train(dir, jdk, recording, output);
		spring(name, jdk, dir, use, this.extracted.toString(), List.of());
	}

	private void train(Path dir, String jdk, List<String> recording, String output) throws Exception {
		if (!Files.isDirectory(Path.of(jdk))) {
			return;
		}
		List<String> command = new ArrayList<>(List.of(java(jdk)));
		command.addAll(recording);
		command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", this.extracted.toString(),
				"--daemoniker.pid-file=train.pid", "--server.port=" + freePort()));
		Result training = launch(dir, command, Map.of());
		record("training run with the PID file set: " + String.join(" ", recording)
				+ " -Dspring.context.exit=onRefresh", "spring", jdk, () -> {
					assertThat(training.status()).as(training.toString()).isZero();
					assertThat(training.stderr()).contains("daemoniker: training run (spring.context.exit=onRefresh)");
					assertThat(dir.resolve("train.pid")).as("no PID file left").doesNotExist();
					assertThat(dir.resolve(output)).exists();
					assertThat(processesNaming(dir)).as("no process left").isEmpty();
				});
	}

	/**
	 * Checks one launch: the launcher succeeded, the daemon's command line is the one
	 * expected with the marker that tells it what it is, the program is up, and it stops
	 * cleanly.
	 */
	private void check(String name, String program, String jdk, Path dir, Result result, List<String> expected,
			Probe up) throws Exception {
		Path pidFile = dir.resolve(program.equals("plain") ? "plain.pid" : "app.pid");
		record(name, program, jdk, () -> {
			assertThat(result.status()).as(result.toString()).isZero();
			long pid = pidIn(pidFile);
			List<String> daemon = new ArrayList<>(cmdline(pid));
			assertThat(daemon.remove(1)).startsWith("-Ddaemoniker.daemon=");
			// The launcher tells the daemon where it ran: for restart, and for a Spring
			// daemon's configuration files.
			assertThat(daemon.remove(1)).isEqualTo("-Ddaemoniker.launch-directory=" + dir);
			assertThat(daemon).isEqualTo(expected);
			up.check(pid);
			stop(pidFile, pid);
		});
	}

	private void record(String name, String program, String jdk, Check check) throws Exception {
		String version = jdk.equals(JDK_25) ? "25" : "17";
		try {
			check.run();
			this.rows.add(LaunchMatrix.row(program, name, version, "passed"));
		}
		catch (Exception | AssertionError ex) {
			String reason = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
			this.rows.add(LaunchMatrix.row(program, name, version, "FAILED: " + reason));
			throw ex;
		}
	}

	private void notRun(String name, String program, String jdk) {
		this.rows.add(LaunchMatrix.row(program, name, "25", "not run: no JDK at " + jdk));
	}

	private void plainUp(long pid) throws IOException {
		// The plain example runs in /.
		assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"))).isEqualTo(Path.of("/"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.readString(this.currentDirectory.resolve("plain.log"))
				.contains("daemon started pid=" + pid));
	}

	private void springUp(long pid, int port) throws Exception {
		HttpResponse<String> hello = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(hello.body()).contains("Hello from pid " + pid);
	}

	private static void stop(Path pidFile, long pid) throws Exception {
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(60))).as("stopped").isTrue();
		await().atMost(Duration.ofSeconds(60)).until(() -> !isAlive(pid));
		assertThat(pidFile).as("PID file removed").doesNotExist();
	}

	private Path caseDirectory(String name) throws IOException {
		this.currentDirectory = Files.createDirectories(this.base.resolve(name));
		return this.currentDirectory;
	}

	@AfterEach
	void remember(TestInfo test) {
		test.getTestMethod().ifPresent((method) -> this.testsRun.add(method.getName()));
	}

	private static String java(String jdk) {
		return Path.of(jdk, "bin", "java").toString();
	}

	private Result launch(Path dir, List<String> command, Map<String, String> environment) throws Exception {
		return run(dir, command, environment);
	}

	private static Result run(Path dir, List<String> command, Map<String, String> environment) throws Exception {
		Path out = Files.createTempFile(dir, "launcher", ".out");
		Path err = Files.createTempFile(dir, "launcher", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().remove("JDK_JAVA_OPTIONS");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: " + command.get(0)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static long pidIn(Path pidFile) throws IOException {
		assertThat(pidFile).as("PID file").exists();
		return Long.parseLong(Files.readString(pidFile).strip());
	}

	private static List<String> cmdline(long pid) throws IOException {
		String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
				StandardCharsets.UTF_8);
		return List.of(text.substring(0, Math.max(0, text.length() - 1)).split("\0", -1));
	}

	private static List<String> threadNames(long pid) throws IOException {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			List<String> names = new ArrayList<>();
			for (Path task : tasks.toList()) {
				names.add(Files.readString(task.resolve("comm")).strip());
			}
			return names;
		}
	}

	private static boolean isAlive(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		String text = Files.readString(stat);
		return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
	}

	private static List<Long> processesNaming(Path path) throws IOException {
		List<Long> pids = new ArrayList<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)
						|| Long.parseLong(name) == ProcessHandle.current().pid()) {
					continue;
				}
				try {
					if (new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8)
						.contains(path.toString())) {
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void unzip(Path jar, Path directory) throws IOException {
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path target = directory.resolve(entry.getName()).normalize();
				if (!target.startsWith(directory)) {
					continue;
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(in, target);
				}
			}
		}
	}

	private static void writeClassPathJar(Path jar, String mainClass, String classPath) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
		manifest.getMainAttributes().put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			jarOut.flush();
		}
	}

	private record Result(int status, String stdout, String stderr) {
	}

	@FunctionalInterface
	private interface Probe {

		void check(long pid) throws Exception;

	}

	@FunctionalInterface
	private interface Check {

		void run() throws Exception;

	}

}
