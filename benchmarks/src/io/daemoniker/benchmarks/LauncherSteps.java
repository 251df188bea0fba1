/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The JDK steps the launcher takes before the daemon JVM exists, each timed once in a
 * fresh JVM in the order the launcher takes them, so that their first-use cost (class
 * loading, initialization) shows: a {@code SecureRandom} for the handshake token,
 * {@code ProcessHandle.info()} to rebuild the command line, and a {@code ProcessBuilder}
 * start of {@code setsid /bin/sh -c} (here a shell that exits at once). Prints
 * microseconds.
 */
public final class LauncherSteps {

	private LauncherSteps() {
	}

	/**
	 * Times the steps and prints them.
	 * @param args ignored
	 * @throws IOException if the shell cannot be started
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		long start = System.nanoTime();
		byte[] token = new byte[12];
		new SecureRandom().nextBytes(token);
		long random = System.nanoTime();
		ProcessHandle.Info info = ProcessHandle.current().info();
		List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
		String command = info.command().orElseThrow();
		long commandLine = System.nanoTime();
		Process shell = new ProcessBuilder("setsid", "/bin/sh", "-c", "exit 0").start();
		long spawned = System.nanoTime();
		int exit = shell.waitFor();
		long exited = System.nanoTime();
		if (exit != 0 || command.isEmpty() || arguments.isEmpty()) {
			throw new IllegalStateException("unexpected: exit " + exit + ", command " + command);
		}
		System.out
			.println("split launcher_securerandom_us=" + (random - start) / 1000 + " launcher_processhandle_info_us="
					+ (commandLine - random) / 1000 + " launcher_processbuilder_setsid_sh_us="
					+ (spawned - commandLine) / 1000 + " launcher_setsid_sh_wait_us=" + (exited - spawned) / 1000);
	}

}
