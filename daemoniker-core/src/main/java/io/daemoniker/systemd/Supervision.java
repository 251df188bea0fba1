/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import io.daemoniker.internal.platform.CurrentProcess;

/**
 * What supervises this process, as far as it can tell without native code: systemd (which
 * sets {@code NOTIFY_SOCKET} for {@code Type=notify} units and {@code INVOCATION_ID} for
 * every unit it starts), or nothing because the process is PID 1, as the main process of
 * a container is. A supervised process should run in the foreground: its supervisor
 * watches it, collects its output and stops it, and a process that detaches escapes all
 * of that. {@link io.daemoniker.RunMode#AUTO} decides on this.
 * <p>
 * Mind that systemd sets {@code INVOCATION_ID} for {@code Type=forking} units too, which
 * expect the process to daemonize: use {@link io.daemoniker.RunMode#DAEMON} there
 * explicitly.
 */
public final class Supervision {

	/** The variable systemd sets for every unit it starts. */
	public static final String INVOCATION_ID = "INVOCATION_ID";

	/** The variable systemd (248 and later) sets to the PID of the process it started. */
	public static final String SYSTEMD_EXEC_PID = "SYSTEMD_EXEC_PID";

	private final boolean notifySocket;

	private final boolean invocationId;

	private final boolean pidOne;

	private final boolean startedThroughAnother;

	private Supervision(boolean notifySocket, boolean invocationId, boolean pidOne, boolean startedThroughAnother) {
		this.notifySocket = notifySocket;
		this.invocationId = invocationId;
		this.pidOne = pidOne;
		this.startedThroughAnother = startedThroughAnother;
	}

	/**
	 * Tells what supervises this process, from its environment and PID.
	 * @return the supervision
	 */
	public static Supervision detect() {
		return of(System.getenv(), CurrentProcess.pid());
	}

	/**
	 * Tells what supervises a process with this environment and PID.
	 * @param environment the environment variables
	 * @param pid the process's PID
	 * @return the supervision
	 */
	public static Supervision of(Map<String, String> environment, long pid) {
		Objects.requireNonNull(environment, "environment");
		OptionalLong execPid = execPid(environment);
		// A plain condition, not a stream: every launcher and daemon asks this early, in
		// a short-lived JVM where the first lambda costs a generated class.
		return new Supervision(isSet(environment, SystemdNotifier.NOTIFY_SOCKET), isSet(environment, INVOCATION_ID),
				pid == 1, execPid.isPresent() && execPid.getAsLong() != pid);
	}

	/**
	 * Returns the process that systemd started, as {@code SYSTEMD_EXEC_PID} names it.
	 * @param environment the environment variables
	 * @return its PID, or empty when the variable is unset or not a positive number
	 */
	static OptionalLong execPid(Map<String, String> environment) {
		String value = environment.get(SYSTEMD_EXEC_PID);
		try {
			long pid = (value != null) ? Long.parseLong(value.strip()) : 0;
			return (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private static boolean isSet(Map<String, String> environment, String name) {
		String value = environment.get(name);
		return value != null && !value.isEmpty();
	}

	/**
	 * Returns whether systemd started this process.
	 * @return {@code true} when {@code NOTIFY_SOCKET} or {@code INVOCATION_ID} is set
	 */
	public boolean isSystemd() {
		return this.notifySocket || this.invocationId;
	}

	/**
	 * Returns whether systemd waits for a readiness notification ({@code Type=notify}).
	 * @return {@code true} when {@code NOTIFY_SOCKET} is set
	 */
	public boolean expectsNotification() {
		return this.notifySocket;
	}

	/**
	 * Returns whether this process is PID 1, as the main process of a container is.
	 * @return {@code true} for PID 1
	 */
	public boolean isContainerInit() {
		return this.pidOne;
	}

	/**
	 * Returns whether systemd started another process than this one, which this one must
	 * then replace as the service's main process ({@code MAINPID=}, with
	 * {@code NotifyAccess=all} in the unit): a script that ran {@code java} without
	 * {@code exec}, or the launcher of a daemon.
	 * @return {@code true} when {@code SYSTEMD_EXEC_PID} names another process
	 */
	public boolean isStartedThroughAnotherProcess() {
		return this.startedThroughAnother;
	}

	/**
	 * Returns whether this process should run in the foreground rather than daemonize.
	 * @return {@code true} under systemd or as PID 1
	 */
	public boolean prefersForeground() {
		return isSystemd() || isContainerInit();
	}

	/**
	 * Describes the supervision in words, for a log line that explains a choice.
	 * @return such as {@code "systemd (NOTIFY_SOCKET set)"}
	 */
	public String description() {
		if (this.notifySocket) {
			return "systemd (NOTIFY_SOCKET set)";
		}
		if (this.invocationId) {
			return "systemd (INVOCATION_ID set)";
		}
		if (this.pidOne) {
			return "PID 1 (container)";
		}
		return "no supervisor";
	}

	@Override
	public String toString() {
		return "Supervision[" + description() + "]";
	}

}
