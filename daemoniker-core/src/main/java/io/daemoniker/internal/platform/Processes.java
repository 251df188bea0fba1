/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells whether a process is gone. A process that died but was not reaped yet (a zombie)
 * counts as gone: it runs no code and holds no locks, and its new parent may reap it
 * late.
 */
public final class Processes {

	/**
	 * Clock ticks a second in {@code /proc}: {@code USER_HZ}, fixed on x86-64 and
	 * AArch64.
	 */
	private static final long USER_HZ = 100;

	private Processes() {
	}

	/**
	 * Returns whether a process has ended.
	 * @param pid the process
	 * @return {@code true} if no such process runs, or it is a zombie
	 */
	public static boolean isGone(long pid) {
		if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return isZombie(pid);
		}
		return true;
	}

	/**
	 * Waits until a process has ended.
	 * @param pid the process
	 * @param timeout how long to wait at most
	 * @return {@code true} if it ended in time
	 */
	public static boolean awaitGone(long pid, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isGone(pid)) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return isGone(pid);
			}
		}
		return true;
	}

	/**
	 * Returns when a process started, to the second. On Linux on x86-64 and AArch64 read
	 * from {@code /proc} as the JDK reads it ({@code starttime} in
	 * {@code /proc/PID/stat}, in clock ticks since boot, which are 100 a second on both;
	 * the boot time from {@code /proc/stat}), which spares {@link ProcessHandle.Info} and
	 * its user name lookup; elsewhere from {@link ProcessHandle.Info#startInstant()}.
	 * @param pid the process
	 * @return when it started, or empty when that cannot be read
	 */
	public static Optional<Instant> startInstant(long pid) {
		String arch = System.getProperty("os.arch", "");
		if (OperatingSystem.current() == OperatingSystem.LINUX
				&& (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
				// The fields after the command name, which is in parentheses and may hold
				// spaces: starttime is the 22nd field of the line, the 20th of these.
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
				long ticks = Long.parseLong(fields[19]);
				for (String line : Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII)) {
					if (line.startsWith("btime ")) {
						long boot = Long.parseLong(line.substring(6).trim());
						return Optional.of(Instant.ofEpochSecond(boot + ticks / USER_HZ));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// Gone, or a format this does not know: ask the JDK.
			}
		}
		return ProcessHandle.of(pid).flatMap(Processes::startInstantByJdk);
	}

	private static Optional<Instant> startInstantByJdk(ProcessHandle process) {
		return process.info().startInstant();
	}

	private static boolean isZombie(long pid) {
		if (OperatingSystem.current() != OperatingSystem.LINUX) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			// The state follows the command name, which is in parentheses and may hold
			// spaces.
			int end = stat.lastIndexOf(')');
			return end > 0 && end + 2 < stat.length() && (stat.charAt(end + 2) == 'Z' || stat.charAt(end + 2) == 'X');
		}
		catch (NoSuchFileException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
