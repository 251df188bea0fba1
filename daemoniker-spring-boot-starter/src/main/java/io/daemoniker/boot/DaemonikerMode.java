/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot;

import java.util.Map;

/**
 * Whether the application detaches from its terminal and runs as a daemon, or runs in the
 * foreground under a supervisor. Either way it holds its PID file and handles signals.
 */
public enum DaemonikerMode {

	/**
	 * Foreground under systemd ({@code NOTIFY_SOCKET} or {@code INVOCATION_ID} set) or as
	 * PID 1 (in a container), daemon otherwise: a supervisor tracks the process it
	 * started, and would lose an application that daemonized.
	 */
	AUTO,

	/**
	 * Always daemonize: the launcher starts the daemon, waits until its application
	 * context is ready, and exits.
	 */
	DAEMON,

	/**
	 * Never daemonize: run in the foreground, and still write and lock the PID file and
	 * handle signals.
	 */
	FOREGROUND;

	/**
	 * Resolves {@link #AUTO} into {@link #DAEMON} or {@link #FOREGROUND}; returns the
	 * other modes unchanged.
	 * @param environment the process environment, such as {@code System.getenv()}
	 * @param pid the PID of this process
	 * @return {@link #DAEMON} or {@link #FOREGROUND}
	 */
	public DaemonikerMode resolve(Map<String, String> environment, long pid) {
		if (this != AUTO) {
			return this;
		}
		boolean supervised = environment.containsKey("NOTIFY_SOCKET") || environment.containsKey("INVOCATION_ID")
				|| pid == 1;
		return supervised ? FOREGROUND : DAEMON;
	}

}
