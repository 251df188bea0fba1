/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Daemonizer#daemonize} and {@link Daemoniker#start} return: Python's
 * {@code (is_parent, *args)} tuple, with the daemon's PID.
 *
 * @param isParent whether this is the launcher, after the daemon confirmed its start-up:
 * {@code true} in the launcher, {@code false} in the daemon
 * @param args the arguments passed to the daemon, in order; in the launcher they are all
 * {@code null}, so that the launcher does not go on using what now belongs to the daemon
 * @param pid the daemon's PID: in the launcher, that of the daemon it started; in the
 * daemon, its own
 */
public record DaemonizeResult(boolean isParent, List<@Nullable Object> args, long pid) {

	/**
	 * Creates a result.
	 * @param isParent whether this is the launcher
	 * @param args the arguments, kept as an unmodifiable view
	 * @param pid the daemon's PID
	 */
	public DaemonizeResult {
		args = Collections.unmodifiableList(Objects.requireNonNull(args, "args"));
	}

	/**
	 * Returns one argument.
	 * @param index its position
	 * @return the argument, {@code null} in the launcher
	 * @throws IndexOutOfBoundsException if there is no argument at that position
	 */
	public @Nullable Object arg(int index) {
		return this.args.get(index);
	}

	/**
	 * Returns the handle of this process under Daemoniker: in the daemon, or in the
	 * foreground, the same as {@link DaemonHandle#current()}; in the launcher, empty,
	 * since the launcher is about to end and holds nothing.
	 * @return the handle, or empty in the launcher
	 */
	public Optional<DaemonHandle> handle() {
		return this.isParent ? Optional.empty() : DaemonHandle.current();
	}

}
