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
	void stopLoadsJnasLibraryFromThePrivateCopy() throws Exception {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Path cache = Files.createDirectory(this.directory.resolve("cache"));
		Path stderr = this.directory.resolve("stop.err");
		// JNA says where it found its library when asked to (java.util.logging, INFO).
		ProcessBuilder stop = new ProcessBuilder(Daemons.JAVA, "-Djna.debug_load.jna=true", "-cp", Daemons.CLASSPATH,
				"io.daemoniker.cli.DaemonikerCli", "stop", this.pidFile.toString())
			.redirectOutput(this.directory.resolve("stop.out").toFile())
			.redirectError(stderr.toFile());
		stop.environment().put("XDG_CACHE_HOME", cache.toString());
		for (int run = 0; run < 2; run++) {
			Process process = stop.start();
			try {
				assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stop ended").isTrue();
			}
			finally {
				process.destroyForcibly();
			}
			assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
			assertThat(Files.readString(stderr)).contains("Found jnidispatch at " + cache.resolve("daemoniker"));
			if (run == 0) {
				Daemons.awaitGone(pid);
				launcher = this.daemons.launch(this.pidFile, this.log);
				assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
				pid = Daemons.pidIn(this.pidFile);
			}
		}
		Daemons.awaitGone(pid);
	}

	private Result cliLoggingClasses(Path classLog, String... args) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, "-Xlog:class+load=info:file=" + classLog, "-cp",
				Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli"));
		command.addAll(Arrays.asList(args));
		return this.daemons.run(command, this.directory);
	}

}
