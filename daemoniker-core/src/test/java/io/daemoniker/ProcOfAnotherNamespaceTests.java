/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code daemoniker} command run in a PID namespace of its own whose {@code /proc} is
 * still the outer one (here {@code unshare --pid --fork} without {@code --mount-proc})
 * reads the daemon's PID and its lock from {@code /proc} as the outer namespace numbers
 * them. In its own namespace the same number can name another process: the test gives a
 * decoy {@code sleep} exactly the daemon's PID there. {@code stop} and {@code send} must
 * refuse, naming the cause, and leave both the decoy and the daemon alone; a launcher
 * there refuses to start a daemon, naming the cause too.
 */
@EnabledOnOs(OS.LINUX)
class ProcOfAnotherNamespaceTests extends RealDaemonTests {

	@ParameterizedTest
	@ValueSource(strings = { "stop", "send TERM", "send HUP" })
	void signalsNothingWhereProcShowsAnotherNamespace(String command) throws Exception {
		Result started = this.daemons.launch(this.pidFile, this.log);
		assertThat(started.exitCode()).as(started.toString()).isZero();
		long daemon = Daemons.pidIn(this.pidFile);
		// ns_last_pid makes the next process of the new namespace get the daemon's PID;
		// the
		// namespace's first process, the shell, ends everything in it when it exits.
		String script = "echo " + (daemon - 1) + " > /proc/sys/kernel/ns_last_pid || exit 90\n"
				+ "sleep 120 & decoy=$!\n" + "echo decoy=$decoy\n" + "\"$@\"; echo status=$?\n"
				+ "if kill -0 $decoy 2>/dev/null; then echo decoy-alive; else echo decoy-gone; fi\n";
		List<String> cli = List.of(Daemons.JAVA, "-cp", Daemons.CLASSPATH, "io.daemoniker.cli.DaemonikerCli");
		ProcessBuilder builder = new ProcessBuilder("unshare", "--user", "--map-root-user", "--pid", "--fork",
				"/bin/sh", "-c", script, "sh");
		builder.command().addAll(cli);
		// daemoniker stop PID_FILE, daemoniker send PID_FILE SIGNAL
		String[] words = command.split(" ");
		builder.command().add(words[0]);
		builder.command().add(this.pidFile.toString());
		builder.command().addAll(List.of(words).subList(1, words.length));
		Process namespace = builder.redirectErrorStream(true).start();
		String out;
		try {
			out = new String(namespace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(namespace.waitFor(120, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			namespace.destroyForcibly();
			namespace.waitFor();
		}
		assertThat(out).as("the decoy has the daemon's PID in its namespace").contains("decoy=" + daemon);
		assertThat(out).contains("another PID namespace").contains("pid " + daemon);
		assertThat(out).doesNotContain("status=0").contains("decoy-alive");
		assertThat(Proc.isGone(daemon)).as("the daemon was not stopped").isFalse();
		assertThat(Daemons.read(this.log)).doesNotContain("received");
		assertThat(Daemoniker.status(this.pidFile).pid()).hasValue(daemon);
	}

	@Test
	void aLauncherRefusesToStartWhereProcShowsAnotherNamespace() throws Exception {
		Process namespace = new ProcessBuilder("unshare", "--user", "--map-root-user", "--pid", "--fork", Daemons.JAVA,
				"-cp", Daemons.CLASSPATH, Daemons.APP, this.pidFile.toString(), this.log.toString())
			.redirectErrorStream(true)
			.start();
		String out;
		try {
			namespace.getOutputStream().close();
			out = new String(namespace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(namespace.waitFor(120, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			namespace.destroyForcibly();
			namespace.waitFor();
		}
		assertThat(namespace.exitValue()).as(out).isNotZero();
		assertThat(out).contains("cannot start the daemon: /proc here shows the processes of another PID namespace")
			.contains("which is pid 1 here");
		assertThat(this.pidFile).doesNotExist();
		assertThat(this.daemons.liveProcesses()).isEmpty();
	}

}
