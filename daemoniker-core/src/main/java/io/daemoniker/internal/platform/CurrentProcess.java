/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * This JVM's own process ID, as {@code getpid()} gives it.
 * <p>
 * On Linux it is read from the last entry of the {@code NSpid} field of
 * {@code /proc/self/status}, the ID in the process's own PID namespace, which is what
 * {@code getpid()} returns even where {@code /proc} was mounted from an outer namespace.
 * That spares a daemon {@link ProcessHandle#current()}: its class sets up the JDK's
 * process reaper and, through it, the JVM's lambda machinery, some 25 ms of a JVM start
 * on JDK 17, which a daemon that starts no child needs for nothing else. Elsewhere, and
 * on a kernel older than 4.1 that has no such field, {@link ProcessHandle} gives it.
 */
public final class CurrentProcess {

	/** The ID once it was found; 0, which no process has, until then. */
	private static volatile long pid;

	private CurrentProcess() {
	}

	/**
	 * Returns this process's ID. It is found on the first call, not when the class is
	 * loaded, so that a failure to find it fails that call, as {@link ProcessHandle}
	 * would, and not every later use of the class.
	 * @return the process ID
	 */
	public static long pid() {
		long known = pid;
		if (known == 0) {
			known = find();
			pid = known;
		}
		return known;
	}

	/**
	 * Returns the ID under which {@code /proc} shows this process: the same as
	 * {@link #pid()} where {@code /proc} was mounted for this process's own PID
	 * namespace, another one where it was mounted for an outer namespace.
	 * @return the ID in {@code /proc}'s namespace, or empty where it cannot be read, as
	 * on every system but Linux
	 */
	public static OptionalLong idInProc() {
		Optional<String> shown = OwnStatus.field("Pid");
		if (shown.isPresent()) {
			try {
				return OptionalLong.of(Long.parseLong(shown.get()));
			}
			catch (NumberFormatException ex) {
				// Not as the kernel writes it.
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Describes a {@code /proc} that shows the processes of another PID namespace than
	 * this process's own ({@code unshare --pid} without {@code --mount-proc}, a container
	 * given the host's {@code /proc}), where every PID read from it may name another
	 * process, or none, in this namespace.
	 * @return what is wrong, for a message, or empty where {@code /proc} shows this
	 * process by its own ID or cannot be read
	 */
	public static Optional<String> procOfAnotherNamespace() {
		OptionalLong shown = idInProc();
		if (shown.isEmpty() || shown.getAsLong() == pid()) {
			return Optional.empty();
		}
		return Optional.of("/proc here shows the processes of another PID namespace (it shows this process as pid "
				+ shown.getAsLong() + ", which is pid " + pid() + " here)");
	}

	static long find() {
		String[] ids = OwnStatus.words("NSpid");
		if (ids.length > 0) {
			try {
				return Long.parseLong(ids[ids.length - 1]);
			}
			catch (NumberFormatException ex) {
				// Not as the kernel writes it: ask the JDK.
			}
		}
		return ProcessHandle.current().pid();
	}

}
