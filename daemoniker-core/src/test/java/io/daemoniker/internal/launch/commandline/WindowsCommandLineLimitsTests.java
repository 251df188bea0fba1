/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Windows itself: the common class-path wildcard and a command line over Windows'
 * limit.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsCommandLineLimitsTests {

	@Test
	void wildcardClassPathDoesNotThrow(@TempDir Path directory) {
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("C:\\jdk\\bin\\java.exe",
				List.of("-cp", "lib\\*", "Main"), directory, List.of("-Ddaemoniker.daemon=token"), false);
		assertThat(commandLine.command()).contains(directory + "\\lib\\*");
	}

	@Test
	void overlongCommandLineGoesToAnArgumentFile(@TempDir Path directory) {
		String classPath = (directory + "\\pad.jar;").repeat(40_000 / (directory.toString().length() + 9));
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("C:\\jdk\\bin\\java.exe",
				List.of("-cp", classPath, "Main"), directory, List.of("-Ddaemoniker.daemon=token"), false);
		List<String> command = LongArguments.fit(commandLine);
		assertThat(command.get(command.indexOf("-cp") + 1)).startsWith("@");
		assertThat(LongArguments.fits(command, true)).isTrue();
	}

}
