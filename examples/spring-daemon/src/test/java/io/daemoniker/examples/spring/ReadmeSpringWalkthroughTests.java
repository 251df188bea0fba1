/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.ReadmeSnippets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot walk-through, run as written (its {@code /tmp/} moved into the
 * test's directory): the daemon starts on a port the system picks, the next line finds
 * that port in the log, and the greeting, the HUP and the Actuator stop all reach this
 * daemon and no other server.
 */
@EnabledOnOs(OS.LINUX)
class ReadmeSpringWalkthroughTests {

	private static final Pattern STARTED = Pattern.compile("Started daemon: pid (\\d+), PID file (\\S+)");

	private final ReadmeSnippets readme = new ReadmeSnippets(
			Path.of(System.getProperty("daemoniker.repository.root", "../..")));

	@TempDir
	Path directory;

	@AfterEach
	void killWhatTheWalkThroughStarted() {
		ReadmeSnippets.killProcessesNaming(this.directory);
	}

	@Test
	void walkThroughTalksToItsOwnDaemon() {
		String output = this.readme.run(this.readme.block("sh", "spring-daemon.jar"), this.directory);
		Matcher started = STARTED.matcher(output);
		assertThat(started.find()).as(output).isTrue();
		long pid = Long.parseLong(started.group(1));
		assertThat(started.group(2)).isEqualTo(this.directory.resolve("spring.pid").toString());
		assertThat(output).contains("Hello from pid " + pid, "sent SIGHUP to pid " + pid, "Stopping pid " + pid);
		Daemons.awaitLog(this.directory.resolve("spring.log"), "reload requested");
		Daemons.awaitGone(pid);
		assertThat(this.directory.resolve("spring.pid")).doesNotExist();
	}

}
