/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code daemoniker} command loads of JNA on Linux, watched in real CLI
 * processes through the JVM's class-loading log: {@code status} loads none of its native
 * code, whatever the PID file is; {@code stop}, which needs a process descriptor, loads
 * JNA's library from the user's private copy instead of extracting it again.
 */
@EnabledOnOs(OS.LINUX)
class CliNativeLoadingTests extends RealDaemonTests {

	@Test
	void statusOfARunningDaemonLoadsNoNativeCode() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Path classes = this.directory.resolve("classes.log");
		Result status = cliLoggingClasses(classes, "status", this.pidFile.toString());
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.stdout()).contains("running (pid " + pid + "): " + this.pidFile);
		assertThat(Files.readString(classes)).contains("io.daemoniker.cli.DaemonikerCli ")
			.doesNotContain("com.sun.jna.Native ");
	}

	@Test
	void statusOfAStaleOrRefusedPidFileLoadsNoNativeCodeEither() throws Exception {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.kill(pid, "KILL");
		Daemons.awaitGone(pid);
		Path stale = this.directory.resolve("stale.log");
		Result status = cliLoggingClasses(stale, "status", this.pidFile.toString());
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
		assertThat(Files.readString(stale)).doesNotContain("com.sun.jna.Native ");
		Path fifo = this.directory.resolve("fifo.pid");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
		assertThat(mkfifo.waitFor()).isZero();
		Path refused = this.directory.resolve("refused.log");
		Result refusal = cliLoggingClasses(refused, "status", fifo.toString());
		assertThat(refusal.exitCode()).as(refusal.toString()).isEqualTo(4);
		assertThat(refusal.stderr()).contains(fifo.toString()).contains("FIFO");
		assertThat(Files.readString(refused)).doesNotContain("com.sun.jna.Native ");
	}

	@Test
	void stopAndSendOfAMissingPidFileLoadNoNativeCode() throws IOException {
		Path missing = this.directory.resolve("missing.pid");
		for (List<String> command : List.of(List.of("stop", missing.toString()),
				List.of("force-stop", missing.toString()), List.of("send", missing.toString(), "HUP"))) {
			Path classLog = this.directory.resolve(command.get(0) + ".log");
			Result result = cliLoggingClasses(classLog, command.toArray(new String[0]));
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(command.get(0).equals("send") ? 7 : 0);
			assertThat(Files.readString(classLog)).as(command.toString()).doesNotContain("com.sun.jna.Native ");
		}
		assertThat(missing).doesNotExist();
	}

	/**
	 * The JVM's first lambda, regular expression or {@code String.format} starts
	 * machinery that costs a short-lived JVM a good part of its start: neither
	 * {@code status} nor the facade's part of {@code stop} uses any (JNA's own classes,
	 * which {@code stop} loads, have lambdas of their own).
	 */
	@Test
	void statusAndStopUseNoLambdaRegularExpressionOrFormatterOfTheirOwn() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Path statusClasses = this.directory.resolve("status-classes.log");
		Result status = cliLoggingClasses(statusClasses, "status", this.pidFile.toString());
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(fromTheCommand(statusClasses)).doesNotContain("java.lang.invoke.LambdaMetafactory ")
			.doesNotContain("java.util.regex.Pattern ")
			.doesNotContain("java.util.Formatter ");
		Path stopClasses = this.directory.resolve("stop-classes.log");
		Result stop = cliLoggingClasses(stopClasses, "stop", this.pidFile.toString(), "--timeout", "30s");
		assertThat(stop.exitCode()).as(stop.toString()).isZero();
		assertThat(stop.stdout()).isEqualTo("stopped (pid " + pid + ")" + System.lineSeparator());
		Daemons.awaitGone(pid);
		assertThat(Files.readAllLines(stopClasses)).filteredOn((line) -> line.contains("io.daemoniker."))
			.noneMatch((line) -> line.contains("$$Lambda"));
		assertThat(fromTheCommand(stopClasses)).doesNotContain("java.util.regex.Pattern ")
			.doesNotContain("java.util.Formatter ");
	}

	/**
	 * The class-loading log from the command's main class on: what the JVM loads for its
	 * own start before it (a long class path's URIs parsed with a regular expression) is
	 * not the command's.
	 */
	private static String fromTheCommand(Path classLog) throws IOException {
		String log = Files.readString(classLog);
		int main = log.indexOf("io.daemoniker.cli.DaemonikerCli ");
		assertThat(main).as("the command's main class in " + classLog).isNotNegative();
		return log.substring(main);
	}

	@Test
	void stopLoadsJnasLibraryFromThePrivateCopy() throws Exception {
		Path cache = Files.createDirectory(this.directory.resolve("cache"));
		for (int run = 0; run < 2; run++) {
			String stderr = stopRunningDaemon(cache, List.of());
			assertThat(stderr).contains("Found jnidispatch at " + cache.resolve("daemoniker"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-Ddaemoniker.jna.cache=false", "-Djna.tmpdir=", "-Djna.nounpack=false",
			"-Djna.boot.library.path=" })
	void stopLeavesJnasLoadingAloneWhenItsPropertiesAreSet(String option) throws Exception {
		Path cache = Files.createDirectory(this.directory.resolve("cache"));
		Path jnaTemp = Files.createDirectory(this.directory.resolve("jna-temp"));
		String stderr = stopRunningDaemon(cache, List.of(option.endsWith("=") ? option + jnaTemp : option));
		// JNA extracts its library as usual (into XDG_CACHE_HOME's JNA/temp, or
		// jna.tmpdir).
		assertThat(stderr).contains("Found jnidispatch at").doesNotContain(cache.resolve("daemoniker").toString());
		assertThat(cache.resolve("daemoniker")).doesNotExist();
	}

	/**
	 * Starts a daemon and stops it with the CLI, which is given a cache directory of its
	 * own and asked to say where JNA found its library (java.util.logging, INFO).
	 * @return what the CLI wrote on standard error
	 */
	private String stopRunningDaemon(Path cache, List<String> options) throws Exception {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Path stderr = this.directory.resolve("stop.err");
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, "-Djna.debug_load.jna=true"));
		command.addAll(options);
		command.addAll(
				List.of("-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli", "stop", this.pidFile.toString()));
		ProcessBuilder stop = new ProcessBuilder(command).redirectOutput(this.directory.resolve("stop.out").toFile())
			.redirectError(stderr.toFile());
		stop.environment().put("XDG_CACHE_HOME", cache.toString());
		Process process = stop.start();
		try {
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stop ended").isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
		Daemons.awaitGone(pid);
		return Files.readString(stderr);
	}

	private Result cliLoggingClasses(Path classLog, String... args) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, "-Xlog:class+load=info:file=" + classLog, "-cp",
				Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
		command.addAll(Arrays.asList(args));
		return this.daemons.run(command, this.directory);
	}

}
