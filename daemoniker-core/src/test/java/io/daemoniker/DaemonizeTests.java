/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts real daemons and checks, in {@code /proc}, what a well-behaved daemon must be.
 */
@EnabledOnOs(OS.LINUX)
class DaemonizeTests extends RealDaemonTests {

	@Test
	void launcherExitsZeroOnlyOnceThePidFileHoldsTheConfirmedDaemon() {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		// Read at once: the launcher has exited, so all of this held at that moment.
		boolean pidFileExisted = Files.exists(this.pidFile);
		long pid = pidFileExisted ? Daemons.pidIn(this.pidFile) : -1;
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		assertThat(pidFileExisted).isTrue();
		assertThat(Proc.isGone(pid)).isFalse();
		assertThat(this.daemons.liveProcesses()).containsExactly(pid);
		assertThat(launcher.stdout()).contains("launcher: set-up ran")
			.contains("launcher: daemon confirmed, args in launcher=[]");
		Daemons.awaitLog(this.log, "daemon started pid=" + pid);
		assertThat(Daemons.read(this.log)).doesNotContain("set-up ran");
	}

	@Test
	void daemonIsDetachedFromTheLauncherSessionAndTerminal() throws IOException {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Proc.Stat daemon = Proc.stat(pid);
		Proc.Stat test = Proc.stat(ProcessHandle.current().pid());
		assertThat(daemon.sid()).as("new session").isNotEqualTo(test.sid());
		assertThat(daemon.sid()).as("not the session leader").isNotEqualTo(pid);
		assertThat(daemon.pgid()).as("not a process group leader").isNotEqualTo(pid);
		assertThat(daemon.ttyNr()).as("no controlling terminal").isZero();
		assertThat(daemon.ppid()).as("parent is not the launcher").isNotEqualTo(launcher.pid());
		assertThat(Proc.isGone(launcher.pid())).as("launcher exited").isTrue();
		ProcessHandle.of(daemon.sid())
			.ifPresent((leader) -> assertThat(Proc.isGone(leader.pid()))
				.as("the session leader (intermediate shell) exited")
				.isTrue());
	}

	@Test
	void daemonRunsInItsDirectoryWithItsUmaskAndStreams() throws IOException {
		Path workDir = Files.createDirectory(this.directory.resolve("work"));
		Path input = Files.writeString(this.directory.resolve("input.txt"), "input\n");
		Path errors = this.directory.resolve("errors.log");
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.chdir=" + workDir, "-Dtest.umask=077",
				"-Dtest.stdin=" + input, "-Dtest.stderr=" + errors);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Proc.cwd(pid)).isEqualTo(workDir.toString());
		assertThat(Proc.status(pid, "Umask")).isEqualTo("0077");
		assertThat(Proc.fd(pid, 0)).isEqualTo(input.toString());
		assertThat(Proc.fd(pid, 1)).isEqualTo(this.log.toString());
		assertThat(Proc.fd(pid, 2)).isEqualTo(errors.toString());
		Daemons.awaitLog(this.log, "cwd=" + workDir);
	}

	@Test
	void defaultsAreNullDeviceInputAFileBesideThePidFileForOutputAndUmask027() {
		Path workDir = this.directory;
		Result launcher = this.daemons.run(java.util.List.of(Daemons.JAVA, this.daemons.marker(), "-cp",
				Daemons.CLASSPATH, "io.daemoniker.testapp.DefaultsApp", this.pidFile.toString()), workDir);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Proc.fd(pid, 0)).isEqualTo("/dev/null");
		assertThat(Proc.fd(pid, 1)).isEqualTo(this.directory.resolve("app.out").toString());
		assertThat(Proc.fd(pid, 2)).isEqualTo(this.directory.resolve("app.out").toString());
		assertThat(launcher.stderr()).contains("daemoniker: the daemon's standard output and error are appended to "
				+ this.directory.resolve("app.out"));
		assertThat(Proc.status(pid, "Umask")).isEqualTo("0027");
		assertThat(Proc.cwd(pid)).isEqualTo(workDir.toString());
	}

	@Test
	void outputIsAppendedNotOverwritten() throws IOException {
		Files.writeString(this.log, "kept line\n");
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "daemon started");
		assertThat(Daemons.read(this.log)).startsWith("kept line\n");
	}

	@Test
	void noDescriptorOfTheLauncherIsInherited() throws IOException {
		Path secret = Files.writeString(this.directory.resolve("launcher-only.txt"), "x");
		Result launcher = this.daemons.launch(this.pidFile, this.log, "-Dtest.openInLauncher=" + secret);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Proc.fds(pid)).noneMatch((fd) -> fd.contains("launcher-only.txt"))
			.noneMatch((fd) -> fd.contains("pipe:"));
	}

	@Test
	void argumentsAreHandedToTheDaemonAndApplicationArgumentsKept() {
		Result launcher = this.daemons.launch(this.pidFile, this.log);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Result second = this.daemons.run(java.util.List.of(Daemons.JAVA, this.daemons.marker(), "-cp",
				Daemons.CLASSPATH, Daemons.APP, this.directory.resolve("b.pid").toString(),
				this.directory.resolve("b.log").toString(), "first", "with space"), this.directory);
		assertThat(second.exitCode()).as(second.toString()).isZero();
		Daemons.awaitLog(this.directory.resolve("b.log"), "args=[first, with space]");
		assertThat(second.stdout()).contains("args in launcher=[null, null]");
	}

	@Test
	void strippedApplicationArgumentsDoNotReachTheDaemonCommandLine() throws IOException {
		Result launcher = this.daemons
			.run(java.util.List.of(Daemons.JAVA, this.daemons.marker(), "-Dtest.pid=" + this.pidFile,
					"-Dtest.log=" + this.log, "-cp", Daemons.CLASSPATH, "io.daemoniker.testapp.StripApp", "extra-arg"),
					this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
		assertThat(commandLine).doesNotContain("extra-arg");
		// What is passed through daemonize() still arrives.
		Daemons.awaitLog(this.log, "daemon main args=[] received=[[extra-arg]]");
	}

	@Test
	void markerDoesNotLeakToProgramsTheDaemonStarts() {
		Result launcher = this.daemons
			.run(java.util.List.of(Daemons.JAVA, this.daemons.marker(), "-cp", Daemons.CLASSPATH,
					"io.daemoniker.testapp.NestedLauncherApp", this.pidFile.toString(), this.log.toString(),
					this.directory.resolve("nested.pid").toString(), this.directory.resolve("nested.log").toString()),
					this.directory);
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		Daemons.awaitLog(this.log, "nested launcher exit=0");
		long nested = Daemons.pidIn(this.directory.resolve("nested.pid"));
		assertThat(nested).isNotEqualTo(Daemons.pidIn(this.pidFile));
		assertThat(this.daemons.liveProcesses()).contains(nested, Daemons.pidIn(this.pidFile));
	}

}
