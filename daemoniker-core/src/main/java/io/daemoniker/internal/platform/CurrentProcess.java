/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

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

	/** The IDs once they were found, from one read of {@code /proc/self/status}. */
	private static volatile @Nullable Ids known;

	private CurrentProcess() {
	}

	/**
	 * Returns this process's ID. It is found on the first call, not when the class is
	 * loaded, so that a failure to find it fails that call, as {@link ProcessHandle}
	 * would, and not every later use of the class.
	 * @return the process ID
	 */
	public static long pid() {
		return ids().own;
	}

	/**
	 * Returns the ID under which {@code /proc} shows this process: the same as
	 * {@link #pid()} where {@code /proc} was mounted for this process's own PID
	 * namespace, another one where it was mounted for an outer namespace.
	 * @return the ID in {@code /proc}'s namespace, or empty where it cannot be read, as
	 * on every system but Linux
	 */
	public static OptionalLong idInProc() {
		return ids().inProc;
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

	private static Ids ids() {
		Ids ids = known;
		if (ids == null) {
			ids = find();
			known = ids;
		}
		return ids;
	}

	/**
	 * Reads both IDs from {@code NSpid}, which lists the process's ID in every PID
	 * namespace from {@code /proc}'s down to its own: the first entry is the one
	 * {@code /proc} shows, the last the one {@code getpid()} returns.
	 */
	static Ids find() {
		String[] nspid = OwnStatus.words("NSpid");
		if (nspid.length > 0) {
			try {
				return new Ids(Long.parseLong(nspid[nspid.length - 1]), OptionalLong.of(Long.parseLong(nspid[0])));
			}
			catch (NumberFormatException ex) {
				// Not as the kernel writes it: ask the JDK.
			}
		}
		// No NSpid (not Linux, or a kernel older than 4.1): the JDK gives the own ID, and
		// the Pid field, where there is one, the ID that /proc shows.
		OptionalLong inProc = OptionalLong.empty();
		Optional<String> shown = OwnStatus.field("Pid");
		if (shown.isPresent()) {
			try {
				inProc = OptionalLong.of(Long.parseLong(shown.get()));
			}
			catch (NumberFormatException ex) {
				// Not as the kernel writes it.
			}
		}
		return new Ids(ProcessHandle.current().pid(), inProc);
	}

	/**
	 * This process's ID in its own PID namespace and in {@code /proc}'s.
	 */
	static final class Ids {

		final long own;

		final OptionalLong inProc;

		Ids(long own, OptionalLong inProc) {
			this.own = own;
			this.inProc = inProc;
		}

	}

}
