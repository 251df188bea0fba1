/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.daemoniker.RunMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Daemoniker starter: a plain holder, documented on its
 * fields. The starter turns them into the core's {@link io.daemoniker.DaemonizeOptions}
 * and lets the core judge them: an invalid value makes the launcher (or the application
 * in the foreground) fail before anything starts, with a message that names the property.
 * <p>
 * Two names and one default differ from the core's on purpose: {@code working-directory}
 * is the core's {@code chdir} and {@code startup-timeout} its {@code successTimeout},
 * named after what they are rather than after Python's {@code daemonize()}; and the
 * start-up timeout is 60 seconds, not the core's 30, because it lasts until the whole
 * application context is ready, where the core's lasts until {@code daemonize} returns.
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
	 * Working directory of the daemon, which must exist: the core's 'chdir'. The
	 * launcher's working directory when not set. Used in daemon mode only.
	 */
	private @Nullable Path workingDirectory;

	/**
	 * File creation mask of the daemon, in octal. Used in daemon mode only.
	 */
	private String umask = "027";

	/**
	 * How long the launcher waits for the daemon's application context to be ready before
	 * it stops the daemon and fails. The core's 'successTimeout', which defaults to 30
	 * seconds; 60 here, since it lasts until the whole context is ready.
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
	 * own keeps the JVM alive (an application without a web server, say), as
	 * 'spring.main.keep-alive' does; a 'spring.main.keep-alive' that is set decides.
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
	 * A start-up cache for the daemon (a CDS archive, or the AOT cache on JDK 25), made
	 * by the daemon's own runs. Used in daemon mode only.
	 */
	private final StartupCache startupCache = new StartupCache();

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
	 */
	public void setUmask(String umask) {
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
	 */
	public void setStartupTimeout(Duration startupTimeout) {
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
	 */
	public void setJvmOptions(List<String> jvmOptions) {
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
	 */
	public void setShutdownSignals(List<String> shutdownSignals) {
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
	 * Returns the settings of the daemon's start-up cache.
	 * @return the start-up cache settings
	 */
	public StartupCache getStartupCache() {
		return this.startupCache;
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
	 */
	public void setReopenStreamsOn(String reopenStreamsOn) {
		this.reopenStreamsOn = reopenStreamsOn;
	}

	/**
	 * Settings of the daemon's start-up cache; see
	 * {@link io.daemoniker.DaemonizeOptions.Builder#startupCache(boolean)}.
	 */
	public static class StartupCache {

		/**
		 * Whether the daemon gets a start-up cache that its own runs make: on JDK 19 and
		 * later a CDS archive made at its first orderly exit, or the AOT cache on JDK 25,
		 * and on JDK 17 and 18 a CDS archive written at its first orderly exit and used
		 * from the next start. A cache that cannot be used falls back to a normal start.
		 */
		private boolean enabled;

		/**
		 * Directory for the cache, which must be writable for the daemon's user alone,
		 * below directories that belong to that user or root and that no one else can
		 * write in unless they are sticky. Beside the PID file when not set.
		 */
		private @Nullable Path directory;

		/**
		 * Creates the settings with their defaults.
		 */
		public StartupCache() {
		}

		/**
		 * Returns whether the daemon gets a start-up cache.
		 * @return {@code true} when it does
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether the daemon gets a start-up cache.
		 * @param enabled {@code true} to give it one
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns the cache's directory.
		 * @return the directory, or {@code null} for the PID file's
		 */
		public @Nullable Path getDirectory() {
			return this.directory;
		}

		/**
		 * Sets the cache's directory.
		 * @param directory the directory, or {@code null} for the PID file's
		 */
		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

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
		 * @param extendStartTimeout the extension, 1 second or more, or
		 * {@link Duration#ZERO} (or {@code null}) for none
		 */
		public void setExtendStartTimeout(@Nullable Duration extendStartTimeout) {
			this.extendStartTimeout = (extendStartTimeout != null) ? extendStartTimeout : Duration.ZERO;
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
