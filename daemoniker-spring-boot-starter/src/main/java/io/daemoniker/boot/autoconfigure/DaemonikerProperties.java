/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.daemoniker.DaemonizeOptions;
import io.daemoniker.RunMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Daemoniker starter. Invalid values make the application
 * fail to start, with a message that names the property.
 */
@ConfigurationProperties("daemoniker")
public class DaemonikerProperties {

	/**
	 * Creates the properties with their defaults.
	 */
	public DaemonikerProperties() {
	}

	/**
	 * PID file of the application. Setting it turns the starter on; without it the
	 * application runs as if the starter were absent. A relative path is resolved against
	 * the working directory of the process that starts the application.
	 */
	private @Nullable Path pidFile;

	/**
	 * Whether to daemonize: 'auto' runs in the foreground under systemd or as PID 1 and
	 * daemonizes otherwise. Use 'daemon' for systemd units of Type=forking.
	 */
	private RunMode mode = RunMode.AUTO;

	/**
	 * File that the daemon's standard output, and so its console log, is appended to. A
	 * file beside the PID file when not set: 'app.out' for 'app.pid'. Used in daemon mode
	 * only.
	 */
	private @Nullable Path stdout;

	/**
	 * File that the daemon's standard error is appended to; may be the same file as
	 * 'stdout'. A file beside the PID file when not set: 'app.out' for 'app.pid'. Used in
	 * daemon mode only.
	 */
	private @Nullable Path stderr;

	/**
	 * File that the daemon's standard input reads from. The null device when not set.
	 * Used in daemon mode only.
	 */
	private @Nullable Path stdin;

	/**
	 * Working directory of the daemon, which must exist. The launcher's working directory
	 * when not set. Used in daemon mode only.
	 */
	private @Nullable Path workingDirectory;

	/**
	 * File creation mask of the daemon, in octal. Used in daemon mode only.
	 */
	private String umask = "027";

	/**
	 * How long the launcher waits for the daemon's application context to be ready before
	 * it stops the daemon and fails.
	 */
	private Duration startupTimeout = Duration.ofSeconds(60);

	/**
	 * JVM options that only the daemon gets, placed before the launcher's own, such as
	 * '-Xmx512m'.
	 */
	private List<String> jvmOptions = new ArrayList<>();

	/**
	 * Signals that close the application context gracefully and end the process, after
	 * the @OnSignal methods for them have run. Remove a signal from the list to leave it
	 * to @OnSignal methods alone.
	 */
	private List<String> shutdownSignals = new ArrayList<>(List.of("TERM", "INT"));

	/**
	 * User to run as, by name or numeric id, once the PID file is taken. Only a process
	 * started as root can switch users.
	 */
	private @Nullable String user;

	/**
	 * Group to run as, by name or numeric id. The user's primary group when not set.
	 */
	private @Nullable String group;

	/**
	 * Whether to prevent core dumps of the process, which would hold its whole heap.
	 */
	private boolean preventCoreDumps;

	/**
	 * Whether the application stays up until it is stopped, even when no thread of its
	 * own keeps the JVM alive (an application without a web server, say). Sets
	 * 'spring.main.keep-alive' unless that is set.
	 */
	private boolean keepAlive = true;

	/**
	 * Signal on which the daemon reopens its 'stdout' and 'stderr' files, for log
	 * rotation: HUP or USR1, or empty for none. @OnSignal methods for that signal run as
	 * well.
	 */
	private String reopenStreamsOn = "HUP";

	/**
	 * Notifications to systemd, sent when it asks for them (NOTIFY_SOCKET is set).
	 */
	private final Systemd systemd = new Systemd();

	/**
	 * Returns the PID file.
	 * @return the PID file, or {@code null} when not set
	 */
	public @Nullable Path getPidFile() {
		return this.pidFile;
	}

	/**
	 * Sets the PID file.
	 * @param pidFile the PID file, or {@code null}
	 */
	public void setPidFile(@Nullable Path pidFile) {
		this.pidFile = pidFile;
	}

	/**
	 * Returns the mode.
	 * @return the mode
	 */
	public RunMode getMode() {
		return this.mode;
	}

	/**
	 * Sets the mode.
	 * @param mode the mode
	 */
	public void setMode(RunMode mode) {
		this.mode = mode;
	}

	/**
	 * Returns the daemon's standard output file.
	 * @return the daemon's standard output file, or {@code null} when not set
	 */
	public @Nullable Path getStdout() {
		return this.stdout;
	}

	/**
	 * Sets the daemon's standard output file.
	 * @param stdout the daemon's standard output file, or {@code null}
	 */
	public void setStdout(@Nullable Path stdout) {
		this.stdout = stdout;
	}

	/**
	 * Returns the daemon's standard error file.
	 * @return the daemon's standard error file, or {@code null} when not set
	 */
	public @Nullable Path getStderr() {
		return this.stderr;
	}

	/**
	 * Sets the daemon's standard error file.
	 * @param stderr the daemon's standard error file, or {@code null}
	 */
	public void setStderr(@Nullable Path stderr) {
		this.stderr = stderr;
	}

	/**
	 * Returns the daemon's standard input file.
	 * @return the daemon's standard input file, or {@code null} when not set
	 */
	public @Nullable Path getStdin() {
		return this.stdin;
	}

	/**
	 * Sets the daemon's standard input file.
	 * @param stdin the daemon's standard input file, or {@code null}
	 */
	public void setStdin(@Nullable Path stdin) {
		this.stdin = stdin;
	}

	/**
	 * Returns the daemon's working directory.
	 * @return the daemon's working directory, or {@code null} when not set
	 */
	public @Nullable Path getWorkingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * Sets the daemon's working directory.
	 * @param workingDirectory the daemon's working directory, or {@code null}
	 */
	public void setWorkingDirectory(@Nullable Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Returns the umask, in octal.
	 * @return the umask, in octal
	 */
	public String getUmask() {
		return this.umask;
	}

	/**
	 * Sets the umask.
	 * @param umask octal digits, such as {@code 027}
	 * @throws IllegalArgumentException if it is not an octal mask from 0 to 0777
	 */
	public void setUmask(String umask) {
		parseUmask(umask);
		this.umask = umask;
	}

	/**
	 * Returns the start-up timeout.
	 * @return the start-up timeout
	 */
	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	/**
	 * Sets the start-up timeout.
	 * @param startupTimeout a positive duration
	 * @throws IllegalArgumentException if it is not positive
	 */
	public void setStartupTimeout(Duration startupTimeout) {
		if (startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException("daemoniker.startup-timeout must be positive, not " + startupTimeout);
		}
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Returns the daemon's own JVM options.
	 * @return the daemon's own JVM options
	 */
	public List<String> getJvmOptions() {
		return this.jvmOptions;
	}

	/**
	 * Sets the daemon's own JVM options.
	 * @param jvmOptions options that each start with {@code -}
	 * @throws IllegalArgumentException if one does not
	 */
	public void setJvmOptions(List<String> jvmOptions) {
		for (String option : jvmOptions) {
			if (!option.startsWith("-")) {
				throw new IllegalArgumentException(
						"daemoniker.jvm-options: \"" + option + "\" does not start with '-'");
			}
		}
		this.jvmOptions = new ArrayList<>(jvmOptions);
	}

	/**
	 * Returns the signals that shut the application down.
	 * @return the signals that shut the application down
	 */
	public List<String> getShutdownSignals() {
		return this.shutdownSignals;
	}

	/**
	 * Sets the signals that shut the application down.
	 * @param shutdownSignals signal names, such as {@code TERM}
	 * @throws IllegalArgumentException if a signal cannot be handled
	 */
	public void setShutdownSignals(List<String> shutdownSignals) {
		for (String name : shutdownSignals) {
			try {
				Signals.number(name);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("daemoniker.shutdown-signals: " + ex.getMessage(), ex);
			}
		}
		this.shutdownSignals = new ArrayList<>(shutdownSignals);
	}

	/**
	 * Returns the user to run as.
	 * @return the user, or {@code null} to keep the current one
	 */
	public @Nullable String getUser() {
		return this.user;
	}

	/**
	 * Sets the user to run as.
	 * @param user a user name or numeric id, or {@code null}
	 */
	public void setUser(@Nullable String user) {
		this.user = user;
	}

	/**
	 * Returns the group to run as.
	 * @return the group, or {@code null} for the user's primary group
	 */
	public @Nullable String getGroup() {
		return this.group;
	}

	/**
	 * Sets the group to run as.
	 * @param group a group name or numeric id, or {@code null}
	 */
	public void setGroup(@Nullable String group) {
		this.group = group;
	}

	/**
	 * Returns whether core dumps are prevented.
	 * @return {@code true} to prevent them
	 */
	public boolean isPreventCoreDumps() {
		return this.preventCoreDumps;
	}

	/**
	 * Sets whether core dumps are prevented.
	 * @param preventCoreDumps {@code true} to prevent them
	 */
	public void setPreventCoreDumps(boolean preventCoreDumps) {
		this.preventCoreDumps = preventCoreDumps;
	}

	/**
	 * Returns whether the application stays up until it is stopped.
	 * @return {@code true} unless turned off
	 */
	public boolean isKeepAlive() {
		return this.keepAlive;
	}

	/**
	 * Sets whether the application stays up until it is stopped.
	 * @param keepAlive {@code false} to let the JVM end when its last thread does
	 */
	public void setKeepAlive(boolean keepAlive) {
		this.keepAlive = keepAlive;
	}

	/**
	 * Returns the settings of the notifications to systemd.
	 * @return the systemd settings
	 */
	public Systemd getSystemd() {
		return this.systemd;
	}

	/**
	 * Returns the signal on which the standard stream files are reopened.
	 * @return {@code HUP}, {@code USR1}, or empty for none
	 */
	public String getReopenStreamsOn() {
		return this.reopenStreamsOn;
	}

	/**
	 * Sets the signal on which the standard stream files are reopened.
	 * @param reopenStreamsOn {@code HUP}, {@code USR1}, or empty for none
	 * @throws IllegalArgumentException if it is another signal
	 */
	public void setReopenStreamsOn(String reopenStreamsOn) {
		try {
			DaemonizeOptions.builder().reopenStreamsOn(reopenStreamsOn);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("daemoniker.reopen-streams-on: " + ex.getMessage(), ex);
		}
		this.reopenStreamsOn = reopenStreamsOn;
	}

	/**
	 * Returns the numbers of the signals that shut the application down.
	 * @return signal numbers
	 */
	Set<Integer> shutdownSignalNumbers() {
		Set<Integer> numbers = new LinkedHashSet<>();
		this.shutdownSignals.forEach((name) -> numbers.add(Signals.number(name)));
		return numbers;
	}

	/**
	 * Returns the core's options for running with these properties.
	 * @param mode {@link RunMode#DAEMON} or {@link RunMode#FOREGROUND}
	 * @return the options, with readiness confirmed by the starter
	 */
	DaemonizeOptions toDaemonizeOptions(RunMode mode) {
		return DaemonizeOptions.builder()
			.mode(mode)
			.chdir(this.workingDirectory)
			.stdin(this.stdin)
			.stdout(this.stdout)
			.stderr(this.stderr)
			.umask(parseUmask(this.umask))
			.successTimeout(this.startupTimeout)
			.jvmOptions(this.jvmOptions.toArray(String[]::new))
			.user(this.user)
			.group(this.group)
			.preventCoreDumps(this.preventCoreDumps)
			.reopenStreamsOn(this.reopenStreamsOn)
			.manualReadiness(true)
			.build();
	}

	static int parseUmask(String umask) {
		String digits = umask.strip();
		if (!digits.matches("[0-7]{1,4}")) {
			throw new IllegalArgumentException("daemoniker.umask \"" + umask
					+ "\" is not an octal file creation mask; use octal digits such as 027");
		}
		int value = Integer.parseInt(digits, 8);
		if (value > 0777) {
			throw new IllegalArgumentException(
					"daemoniker.umask \"" + umask + "\" is out of range; use 000 to 777 (octal)");
		}
		return value;
	}

	/**
	 * Settings of the notifications to systemd ({@code Type=notify} units).
	 */
	public static class Systemd {

		/**
		 * Keep-alives for systemd's watchdog (WatchdogSec= in the unit).
		 */
		private final Watchdog watchdog = new Watchdog();

		/**
		 * While the application starts under systemd, how much more time to ask for
		 * (EXTEND_TIMEOUT_USEC=) whenever the start has made progress (a bean
		 * initialized, an event published) in the last third of it, so that a slow start
		 * outlives TimeoutStartSec= and a stuck one does not. 0 turns it off.
		 */
		private Duration extendStartTimeout = Duration.ofSeconds(30);

		/**
		 * Creates the settings with their defaults.
		 */
		public Systemd() {
		}

		/**
		 * Returns how much more time a start that makes progress asks for.
		 * @return the extension, {@link Duration#ZERO} when off
		 */
		public Duration getExtendStartTimeout() {
			return this.extendStartTimeout;
		}

		/**
		 * Sets how much more time a start that makes progress asks for.
		 * @param extendStartTimeout the extension, 1 s or more, or {@link Duration#ZERO}
		 * (or {@code null}) for none
		 */
		public void setExtendStartTimeout(@Nullable Duration extendStartTimeout) {
			Duration extension = (extendStartTimeout != null) ? extendStartTimeout : Duration.ZERO;
			if (extension.isNegative() || (!extension.isZero() && extension.compareTo(Duration.ofSeconds(1)) < 0)) {
				throw new IllegalArgumentException("daemoniker.systemd.extend-start-timeout \"" + extendStartTimeout
						+ "\" is out of range; use 1s or more, or 0 to turn it off");
			}
			this.extendStartTimeout = extension;
		}

		/**
		 * Returns the watchdog settings.
		 * @return the watchdog settings
		 */
		public Watchdog getWatchdog() {
			return this.watchdog;
		}

	}

	/**
	 * Settings of the keep-alives for systemd's watchdog.
	 */
	public static class Watchdog {

		/**
		 * Whether to send WATCHDOG=1 every half of WATCHDOG_USEC while the application is
		 * healthy, when systemd sets WATCHDOG_USEC for this process.
		 */
		private boolean enabled = true;

		/**
		 * Actuator health group whose status decides whether the application is healthy,
		 * such as 'liveness'. The overall health when not set. Used when Actuator's
		 * health endpoint is present.
		 */
		private @Nullable String healthGroup;

		/**
		 * Creates the settings with their defaults.
		 */
		public Watchdog() {
		}

		/**
		 * Returns whether the watchdog is fed.
		 * @return {@code true} to send keep-alives
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether the watchdog is fed.
		 * @param enabled {@code true} to send keep-alives
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns the health group that decides.
		 * @return the group, or {@code null} for the overall health
		 */
		public @Nullable String getHealthGroup() {
			return this.healthGroup;
		}

		/**
		 * Sets the health group that decides.
		 * @param healthGroup a health group's name, or {@code null}
		 */
		public void setHealthGroup(@Nullable String healthGroup) {
			this.healthGroup = healthGroup;
		}

	}

}
