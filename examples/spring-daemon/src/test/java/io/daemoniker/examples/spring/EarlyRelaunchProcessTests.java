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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.daemoniker.Daemoniker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher starts the daemon before it reads any configuration file when the PID file
 * comes from the command line, a system property or an environment variable: from the
 * example's {@code main}, through {@link io.daemoniker.boot.EarlyLaunch}, before Spring
 * Boot starts, or without that call at Spring Boot's first event. When only a
 * configuration file names it, or a file may set the starter's properties, it waits for
 * the configuration as before. Which one happened is read from the launcher JVM's own
 * class loading ({@code -Xlog:class+load}): an early launcher never loads Spring Boot's
 * configuration data classes, and one started from {@code main} not even
 * {@code SpringApplication}.
 */
@EnabledOnOs(OS.LINUX)
class EarlyRelaunchProcessTests {

	/** Loaded by Spring Boot when it reads the configuration files. */
	private static final String CONFIG_DATA = " org.springframework.boot.context.config.ConfigDataEnvironment ";

	/**
	 * Spring Boot's relaxed binding, which a launcher whose starter properties are all
	 * given plainly does without.
	 */
	private static final String BINDER = " org.springframework.boot.context.properties.bind.Binder ";

	/**
	 * Spring's environment, whose first use sets up Commons Logging and the application's
	 * logging library: a launcher that finds the starter's properties in their documented
	 * forms reads them without it.
	 */
	private static final String SPRING_ENVIRONMENT = " org.springframework.core.env.StandardEnvironment ";

	/** Commons Logging, which Spring's environment sets up. */
	private static final String LOGGING = " org.apache.commons.logging.LogFactory ";

	/** Loaded once the application calls {@code SpringApplication.run}. */
	private static final String SPRING_APPLICATION = " org.springframework.boot.SpringApplication ";

	@TempDir
	Path directory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stopEverythingLeft() throws IOException {
		// By PID, and only processes started from this test's own directory.
		JarLaunches.killProcessesNaming(this.directory);
	}

	@Test
	void aPidFileOnTheCommandLineStartsTheDaemonBeforeTheConfigurationIsRead() throws Exception {
		Path pidFile = this.directory.resolve("args.pid");
		int port = freePort();
		Started started = start(List.of(), Map.of(), "--daemoniker.pid-file=args.pid", "--server.port=" + port);
		assertEarlyAndServing(started, pidFile, port);
		assertReadWithoutSpringsEnvironment(started);
	}

	@Test
	void aPidFileInASystemPropertyStartsTheDaemonEarly() throws Exception {
		Path pidFile = this.directory.resolve("property.pid");
		int port = freePort();
		Started started = start(List.of("-Ddaemoniker.pid-file=" + pidFile, "-Ddaemoniker.startup-timeout=90s"),
				Map.of(), "--server.port=" + port);
		assertEarlyAndServing(started, pidFile, port);
		assertReadWithoutSpringsEnvironment(started);
	}

	@Test
	void aPidFileInAnEnvironmentVariableStartsTheDaemonEarly() throws Exception {
		Path pidFile = this.directory.resolve("environment.pid");
		int port = freePort();
		Started started = start(List.of(), Map.of("DAEMONIKER_PID_FILE", pidFile.toString()), "--server.port=" + port);
		assertEarlyAndServing(started, pidFile, port);
		assertReadWithoutSpringsEnvironment(started);
	}

	/**
	 * A relaxed name that the starter does not document is read with Spring Boot's
	 * relaxed binding, through Spring's environment, and still before Spring Boot starts.
	 */
	@Test
	void aPidFileUnderAnotherRelaxedNameIsReadThroughSpringsEnvironment() throws Exception {
		Path pidFile = this.directory.resolve("relaxed.pid");
		int port = freePort();
		Started started = start(List.of("-Ddaemoniker.pidFile=" + pidFile), Map.of("DAEMONIKER_STDOUT", "relaxed.log"),
				"--server.port=" + port);
		assertEarlyAndServing(started, pidFile, port);
		assertThat(started.classesLoaded()).contains(SPRING_ENVIRONMENT);
		assertThat(this.directory.resolve("relaxed.log")).as("the variable's setting took effect").exists();
	}

	/**
	 * The guide's snippet is the example's {@code main}, whose launches the tests above
	 * run, with the example's class named as the guide's.
	 */
	@Test
	void theGuidesEarlyLaunchSnippetIsTheExamplesMain() throws Exception {
		Path root = Path.of(System.getProperty("daemoniker.repository.root"));
		String guide = Files.readString(root.resolve("docs/spring-boot.md"));
		int mention = guide.indexOf("`EarlyLaunch.beforeSpring`");
		assertThat(mention).as("EarlyLaunch in docs/spring-boot.md").isPositive();
		int start = guide.indexOf("```java\n", mention);
		assertThat(start).as("the snippet after it").isPositive();
		String snippet = guide.substring(start + "```java\n".length(), guide.indexOf("```", start + 3));
		String example = Files.readString(root.resolve(
				"examples/spring-daemon/src/main/java/io/daemoniker/examples/spring/SpringDaemonApplication.java"));
		for (String line : snippet.strip().lines().toList()) {
			assertThat(example).contains(line.strip().replace("MyApplication", "SpringDaemonApplication"));
		}
	}

	@Test
	void withoutEarlyLaunchTheStarterStartsTheDaemonAtSpringBootsFirstEvent() throws Exception {
		Path pidFile = this.directory.resolve("listener.pid");
		int port = freePort();
		Started started = start(List.of(), WithoutEarlyLaunch.startingFromThePackagedJar(), Map.of(),
				"--daemoniker.pid-file=" + pidFile, "--server.port=" + port);
		assertThat(started.status()).as(started.stderr()).isZero();
		assertThat(started.stdout()).isEqualTo("Started daemon: pid " + Daemoniker.status(pidFile).pid().orElseThrow()
				+ ", PID file " + pidFile + "\n");
		assertThat(started.classesLoaded()).as("the launcher's classes")
			.contains(SPRING_APPLICATION)
			.contains(" " + WithoutEarlyLaunch.class.getName() + " ")
			.doesNotContain(CONFIG_DATA)
			.doesNotContain(BINDER);
		long pid = Daemoniker.status(pidFile).pid().orElseThrow();
		assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).as("the daemon's command line")
			.contains(WithoutEarlyLaunch.class.getName());
		assertServing(started, pidFile, port);
	}

	@Test
	void aPidFileInAConfigurationFileWaitsForTheConfiguration() throws Exception {
		Path pidFile = this.directory.resolve("file.pid");
		int port = freePort();
		Files.writeString(this.directory.resolve("application.properties"),
				"daemoniker.pid-file=file.pid\nserver.port=" + port + "\n");
		Started started = start(List.of(), Map.of());
		assertThat(started.status()).as(started.stderr()).isZero();
		assertThat(started.classesLoaded()).as("the launcher read the configuration").contains(CONFIG_DATA);
		assertServing(started, pidFile, port);
	}

	@Test
	void anEarlyPidFileWithOtherStarterPropertiesInAFileWaitsForTheFile() throws Exception {
		Path pidFile = this.directory.resolve("mixed.pid");
		Path log = this.directory.resolve("from-file.log");
		int port = freePort();
		Files.createDirectory(this.directory.resolve("config"));
		Files.writeString(this.directory.resolve("config/application.properties"), "daemoniker.stdout=" + log + "\n");
		Started started = start(List.of(), Map.of(), "--daemoniker.pid-file=" + pidFile, "--server.port=" + port);
		assertThat(started.status()).as(started.stderr()).isZero();
		assertThat(started.classesLoaded()).contains(CONFIG_DATA);
		assertServing(started, pidFile, port);
		assertThat(log).as("the file's setting took effect").exists();
	}

	@Test
	void anEarlyPropertyThatIsNotPlainIsBoundAsBefore() throws Exception {
		Path pidFile = this.directory.resolve("indexed.pid");
		Path log = this.directory.resolve("indexed.log");
		int port = freePort();
		Started started = start(List.of(), Map.of(), "--daemoniker.pid-file=" + pidFile,
				"--daemoniker.jvm-options[0]=-Dindexed.option=set", "--daemoniker.stdout=" + log,
				"--server.port=" + port);
		assertThat(started.status()).as(started.stderr()).isZero();
		assertThat(started.classesLoaded()).doesNotContain(CONFIG_DATA)
			.doesNotContain(SPRING_APPLICATION)
			.contains(BINDER);
		long pid = Daemoniker.status(pidFile).pid().orElseThrow();
		assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).contains("-Dindexed.option=set");
		assertServing(started, pidFile, port);
	}

	@Test
	void aBadPropertyGivenEarlyIsRefusedBeforeAnythingStarts() throws Exception {
		Path pidFile = this.directory.resolve("bad.pid");
		Started started = start(List.of(), Map.of("DAEMONIKER_PID_FILE", pidFile.toString()),
				"--daemoniker.startup-timeout=-5s");
		assertThat(started.status()).isEqualTo(1);
		assertThat(started.stdout()).isEmpty();
		assertThat(started.stderr().strip().lines()).as(started.stderr()).hasSize(1);
		assertThat(started.stderr()).contains("daemoniker.startup-timeout").doesNotContain("\tat ");
		assertThat(started.classesLoaded()).doesNotContain(CONFIG_DATA);
		assertReadWithoutSpringsEnvironment(started);
		assertThat(pidFile).doesNotExist();
		assertThat(JarLaunches.processesNaming(this.directory)).as("processes left").isEmpty();
	}

	@Test
	void anEarlyLauncherStillShowsSpringsFailureAnalysis() throws Exception {
		Path pidFile = this.directory.resolve("taken.pid");
		try (ServerSocket taken = new ServerSocket(0)) {
			Started started = start(List.of(), Map.of(), "--daemoniker.pid-file=" + pidFile,
					"--server.port=" + taken.getLocalPort());
			assertThat(started.status()).isNotZero();
			assertThat(started.classesLoaded()).doesNotContain(CONFIG_DATA);
			assertThat(started.stderr()).contains("failed to start")
				.contains("Port " + taken.getLocalPort() + " was already in use");
		}
		assertThat(pidFile).doesNotExist();
	}

	private void assertEarlyAndServing(Started started, Path pidFile, int port) throws Exception {
		assertThat(started.status()).as(started.stderr()).isZero();
		assertThat(started.stdout()).isEqualTo("Started daemon: pid " + Daemoniker.status(pidFile).pid().orElseThrow()
				+ ", PID file " + pidFile + "\n");
		assertThat(started.classesLoaded()).as("the launcher's classes")
			.isNotEmpty()
			.doesNotContain(CONFIG_DATA)
			.doesNotContain(BINDER)
			.as("the launcher started the daemon from main, before Spring Boot started")
			.doesNotContain(SPRING_APPLICATION);
		assertServing(started, pidFile, port);
	}

	private static void assertReadWithoutSpringsEnvironment(Started started) {
		assertThat(started.classesLoaded()).as("the launcher read the properties without Spring's environment")
			.doesNotContain(SPRING_ENVIRONMENT)
			.doesNotContain(LOGGING);
	}

	/**
	 * The daemon read the configuration files itself: the example's
	 * {@code application.properties} exposes the Actuator endpoint, which names the PID
	 * file the daemon holds.
	 */
	private void assertServing(Started started, Path pidFile, int port) throws Exception {
		long pid = Daemoniker.status(pidFile).pid().orElseThrow();
		HttpResponse<String> endpoint = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/daemoniker"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
		assertThat(endpoint.body()).contains(pidFile.toString()).contains(Long.toString(pid));
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(60))).isTrue();
	}

	private Started start(List<String> jvmOptions, Map<String, String> environment, String... arguments)
			throws Exception {
		return start(jvmOptions, JarLaunches.packagedJar(), environment, arguments);
	}

	private Started start(List<String> jvmOptions, List<String> launch, Map<String, String> environment,
			String... arguments) throws Exception {
		String classLog = this.directory.resolve("classes-%p.log").toString();
		List<String> options = new ArrayList<>();
		options.add("-Xlog:class+load:file=" + classLog);
		options.addAll(jvmOptions);
		JarLaunches.Outcome outcome = JarLaunches.launch(this.directory, options, launch, environment,
				List.of(arguments));
		Path classes = Path.of(classLog.replace("%p", Long.toString(outcome.pid())));
		return new Started(outcome.status(), outcome.stdout(), outcome.stderr(),
				Files.exists(classes) ? Files.readString(classes) : "");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * What a launcher did: its exit status, what it printed and the classes it loaded.
	 */
	private record Started(int status, String stdout, String stderr, String classesLoaded) {
	}

}
