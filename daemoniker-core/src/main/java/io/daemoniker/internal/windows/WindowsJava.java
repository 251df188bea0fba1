/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.daemoniker.StartupException;

/**
 * Picks the Java launcher that runs the daemon on Windows: {@code javaw.exe}, which has
 * no console, from the JDK that runs this JVM, as the Python library picks
 * {@code pythonw.exe}. Some runtimes (jlink images without it, say) lack
 * {@code javaw.exe}: {@code java.exe} then runs the daemon with a console that has no
 * window, and the launcher says so.
 *
 * @param executable the launcher to run
 * @param console whether it is a console program, which needs a hidden console
 * @param note what to tell the user, when the choice is not the usual one
 */
public record WindowsJava(Path executable, boolean console, Optional<String> note) {

	/**
	 * Picks the launcher from a Java home.
	 * @param javaHome the {@code java.home} of this JVM
	 * @return the launcher
	 * @throws StartupException if the Java home has neither launcher
	 */
	public static WindowsJava in(Path javaHome) {
		Path bin = javaHome.resolve("bin");
		Path javaw = bin.resolve("javaw.exe");
		if (Files.isRegularFile(javaw)) {
			return new WindowsJava(javaw, false, Optional.empty());
		}
		Path java = bin.resolve("java.exe");
		if (Files.isRegularFile(java)) {
			return new WindowsJava(java, true, Optional.of("there is no javaw.exe in " + bin
					+ ", so the daemon runs under java.exe with a console that has no window"));
		}
		throw new StartupException("cannot start the daemon: neither javaw.exe nor java.exe is in " + bin);
	}

	/**
	 * Returns whether a command starts a console Java launcher ({@code java.exe}) rather
	 * than {@code javaw.exe}.
	 * @param executable the command's program
	 * @return {@code true} for {@code java.exe}
	 */
	public static boolean isConsoleLauncher(String executable) {
		String name = Path.of(executable).getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.equals("javaw.exe") && !name.equals("javaw");
	}

}
