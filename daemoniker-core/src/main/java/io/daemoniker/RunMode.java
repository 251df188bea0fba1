/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.util.Locale;

import io.daemoniker.systemd.Supervision;
import org.jspecify.annotations.Nullable;

/**
 * How {@code daemonize} runs the application: as a detached daemon, or in the foreground
 * under a supervisor. In the foreground there is no relaunch, but the PID file is still
 * written and locked, the process settings of {@link DaemonizeOptions} (user, core dumps)
 * still apply, signals are handled the same way by {@link SignalHandler1}, and readiness
 * goes to systemd ({@code READY=1}) when it asks for it.
 * <p>
 * The mode can be set in {@link DaemonizeOptions.Builder#mode(RunMode)}, or without
 * changing code with the system property {@value #PROPERTY}
 * ({@code -Ddaemoniker.mode=foreground}), which sets the builder's default.
 */
public enum RunMode {

	/** Detach: relaunch as a daemon in a new session. */
	DAEMON,

	/** Stay in the foreground, as a supervised process should. */
	FOREGROUND,

	/**
	 * The foreground under systemd or as PID 1 (see {@link Supervision}), a daemon
	 * elsewhere. systemd sets {@code INVOCATION_ID} for {@code Type=forking} units too:
	 * use {@link #DAEMON} in those.
	 */
	AUTO;

	/** The system property that sets the default mode: {@code daemoniker.mode}. */
	public static final String PROPERTY = "daemoniker.mode";

	/**
	 * Parses a mode's name, in any case.
	 * @param name {@code daemon}, {@code foreground} or {@code auto}
	 * @return the mode
	 * @throws IllegalArgumentException if the name is none of these
	 */
	public static RunMode parse(@Nullable String name) {
		String key = (name != null) ? name.trim().toUpperCase(Locale.ROOT) : "";
		for (RunMode mode : values()) {
			if (mode.name().equals(key)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("unknown run mode \"" + name + "\"; use daemon, foreground or auto");
	}

	/**
	 * Returns the mode that the system property {@value #PROPERTY} sets.
	 * @return the mode, or {@link #DAEMON} when the property is not set
	 * @throws IllegalArgumentException if the property names no mode
	 */
	public static RunMode fromSystemProperty() {
		String value = System.getProperty(PROPERTY);
		if (value == null || value.isBlank()) {
			return DAEMON;
		}
		try {
			return parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("system property " + PROPERTY + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decides between {@link #DAEMON} and {@link #FOREGROUND}.
	 * @param supervision what supervises this process
	 * @return this mode, or for {@link #AUTO} the one the supervision calls for
	 */
	public RunMode resolve(Supervision supervision) {
		if (this != AUTO) {
			return this;
		}
		return supervision.prefersForeground() ? FOREGROUND : DAEMON;
	}

	/**
	 * Returns whether this mode, resolved for the supervision, runs in the foreground.
	 * @param supervision what supervises this process
	 * @return {@code true} for the foreground
	 */
	public boolean isForeground(Supervision supervision) {
		return resolve(supervision) == FOREGROUND;
	}

}
