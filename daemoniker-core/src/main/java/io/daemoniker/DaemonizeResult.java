/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Daemonizer#daemonize} returns: Python's {@code (is_parent, *args)} tuple.
 */
public final class DaemonizeResult {

	private final boolean parent;

	private final List<@Nullable Object> args;

	private final long pid;

	DaemonizeResult(boolean parent, List<@Nullable Object> args, long pid) {
		this.parent = parent;
		this.args = Collections.unmodifiableList(args);
		this.pid = pid;
	}

	/**
	 * Returns whether this is the launcher, after the daemon confirmed its start-up.
	 * @return {@code true} in the launcher, {@code false} in the daemon
	 */
	public boolean isParent() {
		return this.parent;
	}

	/**
	 * Returns the arguments passed to the daemon. In the launcher they are all
	 * {@code null}, so that the launcher does not go on using what now belongs to the
	 * daemon.
	 * @return the arguments, in order
	 */
	public List<@Nullable Object> args() {
		return this.args;
	}

	/**
	 * Returns the daemon's PID: in the launcher, that of the daemon it started; in the
	 * daemon, its own.
	 * @return the daemon's PID
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Returns one argument.
	 * @param index its position
	 * @return the argument, {@code null} in the launcher
	 */
	public @Nullable Object arg(int index) {
		return this.args.get(index);
	}

}
