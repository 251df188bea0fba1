/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Collections;
import java.util.List;

/**
 * What {@link Daemonizer#daemonize} returns: Python's {@code (is_parent, *args)} tuple.
 */
public final class DaemonizeResult {

	private final boolean parent;

	private final List<Object> args;

	DaemonizeResult(boolean parent, List<Object> args) {
		this.parent = parent;
		this.args = Collections.unmodifiableList(args);
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
	public List<Object> args() {
		return this.args;
	}

	/**
	 * Returns one argument.
	 * @param index its position
	 * @return the argument, {@code null} in the launcher
	 */
	public Object arg(int index) {
		return this.args.get(index);
	}

}
