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

/**
 * Tells whether a process is gone. A process that died but was not reaped yet (a zombie)
 * counts as gone: it runs no code and holds no locks, and its new parent may reap it
 * late.
 */
public final class Processes {

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
