/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon command line too long for the system moves its longest options to argument
 * files, which the Java launcher reads back as the same arguments.
 */
class LongArgumentsTests {

	private final Map<String, String> written = new LinkedHashMap<>();

	@Test
	void commandThatFitsIsKept() {
		List<String> command = List.of("java", "-cp", "/app/a.jar", "Main", "x");
		assertThat(LongArguments.fit(command, 4, false, this::write)).isEqualTo(command);
		assertThat(LongArguments.fit(command, 4, true, this::write)).isEqualTo(command);
		assertThat(this.written).isEmpty();
	}

	@Test
	void linuxClassPathOfMoreThan128KiBGoesToAFile() {
		String classPath = padding(200 * 1024, "/");
		List<String> command = List.of("java", "-Dm=1", "-cp", classPath, "Main", "app-arg");
		List<String> fitted = LongArguments.fit(command, 5, false, this::write);
		assertThat(fitted).containsExactly("java", "-Dm=1", "-cp", "@file-0", "Main", "app-arg");
		assertThat(ArgFiles.split(this.written.get("file-0"))).containsExactly(classPath);
		assertThat(LongArguments.fits(fitted, false)).isTrue();
	}

	@Test
	void windowsCommandLineAbove32767CharactersGoesToFilesLongestFirstUntilItFits() {
		String classPath = padding(30_000, "C:\\");
		String modulePath = padding(3_000, "C:\\");
		List<String> command = new ArrayList<>(
				List.of("C:\\jdk\\bin\\java.exe", "-p", modulePath, "-cp", classPath, "Main", "arg with space"));
		assertThat(LongArguments.fits(command, true)).isFalse();
		List<String> fitted = LongArguments.fit(command, 5, true, this::write);
		assertThat(fitted).containsExactly("C:\\jdk\\bin\\java.exe", "-p", modulePath, "-cp", "@file-0", "Main",
				"arg with space");
		assertThat(ArgFiles.split(this.written.get("file-0"))).containsExactly(classPath);
		assertThat(LongArguments.fits(fitted, true)).isTrue();
	}

	@Test
	void windowsLimitLeavesRoomForTheOptionThatNamesTheLaunchersPipes() {
		int limit = LongArguments.WINDOWS_MAX_CHARS
				- io.daemoniker.internal.windows.WindowsLaunch.ADDED_COMMAND_LINE_CHARS;
		String program = "C:\\jdk\\bin\\javaw.exe";
		// The program, a space, then one argument without anything to quote.
		String exact = "x".repeat(limit - program.length() - 1);
		assertThat(LongArguments.fits(List.of(program, exact), true)).isTrue();
		assertThat(LongArguments.fits(List.of(program, exact + "x"), true)).isFalse();
	}

	@Test
	void applicationArgumentsAreNeverMoved() {
		String longArgument = padding(140 * 1024, "/");
		List<String> command = List.of("java", "Main", longArgument);
		assertThat(LongArguments.fit(command, 2, false, this::write)).isEqualTo(command);
	}

	@Test
	void encodedArgumentsReadBackUnchanged() {
		List<String> arguments = List.of("C:\\Program Files\\app\\lib\\*", "say \"hi\"", "tab\there", "new\nline",
				"#not a comment", "'single'", "", "@notafile");
		assertThat(ArgFiles.split(ArgFiles.encode(arguments))).isEqualTo(arguments);
	}

	private String write(String text) {
		String name = "file-" + this.written.size();
		this.written.put(name, text);
		return name;
	}

	private static String padding(int length, String root) {
		String separator = root.contains("\\") ? ";" : ":";
		String entries = IntStream.range(0, length / 10 + 1)
			.mapToObj((i) -> root + "pad-" + String.format("%010d", i))
			.collect(Collectors.joining(separator));
		return entries.substring(0, length);
	}

}
