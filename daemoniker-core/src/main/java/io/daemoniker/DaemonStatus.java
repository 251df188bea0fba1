/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a PID file says about its daemon, as {@link Daemoniker#status(Path)} found it. A
 * daemon counts as running only while it holds the lock on its PID file: a file that
 * exists but is not locked was left by a daemon that died, whatever PID it names.
 * <p>
 * A record, because a status is a value: statuses with equal components are equal, and
 * serializers that know records (Jackson, which Spring Boot uses) write it by its
 * components. Java makes a record's canonical constructor as visible as the record
 * itself, and the status is made outside this package (by the PID file's inspector), so a
 * narrower constructor would need a public factory all the same. The constructor is
 * therefore public, though a status is meant to come from
 * {@link Daemoniker#status(Path)}; an application may make one to test its own code with.
 * It refuses what no PID file can be found in, so that no status contradicts itself: a
 * {@link State#RUNNING} daemon always has its PID, {@link State#NOT_RUNNING} (no file)
 * never has one, and a PID is always positive.
 *
 * @param pidFile the PID file that was inspected
 * @param state the state the PID file was found in
 * @param pid the PID the file holds, or empty when the file is missing or holds no
 * readable PID
 * @param description one line describing the status for a person, naming the PID and the
 * path
 */
public record DaemonStatus(Path pidFile, State state, OptionalLong pid, String description) {

	/**
	 * The states a PID file can be found in.
	 */
	public enum State {

		/** The PID file is locked by the live daemon whose PID it holds. */
		RUNNING(0),

		/**
		 * The PID file is locked, but what it holds cannot be trusted to name the daemon.
		 */
		UNTRUSTED(4),

		/** The PID file exists but no process holds its lock: its daemon died. */
		STALE(1),

		/** There is no PID file. */
		NOT_RUNNING(3);

		private final int lsbExitCode;

		State(int lsbExitCode) {
			this.lsbExitCode = lsbExitCode;
		}

		/**
		 * Returns the exit code that an LSB init script's {@code status} action gives for
		 * this state.
		 * @return 0 running, 1 dead with a PID file left, 3 not running, 4 unknown
		 */
		public int lsbExitCode() {
			return this.lsbExitCode;
		}

	}

	/**
	 * Creates a status.
	 * @param pidFile the PID file inspected
	 * @param state the state it was found in
	 * @param pid the PID it holds, or empty when none could be read
	 * @param description one line for a person: the state, the PID and the path
	 * @throws IllegalArgumentException if the values contradict each other: a running
	 * daemon without a PID, a missing PID file with one, a PID that is not positive, or a
	 * blank description
	 */
	public DaemonStatus {
		Objects.requireNonNull(pidFile, "pidFile");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(pid, "pid");
		Objects.requireNonNull(description, "description");
		if (pid.isPresent() && pid.getAsLong() <= 0) {
			throw new IllegalArgumentException(
					"a PID is positive, not " + pid.getAsLong() + "; give OptionalLong.empty() for none");
		}
		if (state == State.RUNNING && pid.isEmpty()) {
			throw new IllegalArgumentException(
					"a RUNNING status names the PID of the daemon that holds " + pidFile + "; give its PID");
		}
		if (state == State.NOT_RUNNING && pid.isPresent()) {
			throw new IllegalArgumentException("a NOT_RUNNING status means that there is no PID file " + pidFile
					+ " to hold PID " + pid.getAsLong() + "; give OptionalLong.empty(), or the state STALE");
		}
		if (description.isBlank()) {
			throw new IllegalArgumentException("the description of the status of " + pidFile
					+ " is blank; give one line that names the state, the PID and the path");
		}
	}

	/**
	 * Returns whether the daemon is running, which is to say it holds its PID file's lock
	 * and the file names it.
	 * @return {@code true} only in state {@link State#RUNNING}
	 */
	public boolean isRunning() {
		return this.state == State.RUNNING;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
