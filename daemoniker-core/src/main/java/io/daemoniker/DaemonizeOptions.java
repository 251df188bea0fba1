/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import io.daemoniker.internal.platform.SignalNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The keyword arguments of Python's {@code daemonize()}, plus what a JVM daemon needs
 * besides. Immutable; start from {@link #defaults()} or {@link #builder()}.
 * <p>
 * Relative paths are resolved against the launcher's working directory, before the daemon
 * moves to {@link #chdir()}.
 */
public final class DaemonizeOptions {

	/** The umask the daemon gets unless told otherwise: {@code 027}. */
	public static final int DEFAULT_UMASK = 0027;

	/**
	 * How long the launcher waits for the daemon to confirm start-up unless told
	 * otherwise.
	 */
	public static final Duration DEFAULT_SUCCESS_TIMEOUT = Duration.ofSeconds(30);

	private static final DaemonizeOptions DEFAULTS = builder().build();

	private final @Nullable Path chdir;

	private final @Nullable Path stdin;

	private final @Nullable Path stdout;

	private final @Nullable Path stderr;

	private final int umask;

	private final Set<Integer> shieldedFds;

	private final int fdFallbackLimit;

	private final Duration successTimeout;

	private final boolean stripCommandArguments;

	private final List<String> jvmOptions;

	private final boolean manualReadiness;

	private final @Nullable RunMode mode;

	private final @Nullable String user;

	private final @Nullable String group;

	private final boolean preventCoreDumps;

	private final int reopenStreamsSignal;

	private final boolean startupCache;

	private final @Nullable Path startupCacheDirectory;

	private DaemonizeOptions(Builder builder) {
		this.chdir = builder.chdir;
		this.stdin = builder.stdin;
		this.stdout = builder.stdout;
		this.stderr = builder.stderr;
		this.umask = builder.umask;
		this.shieldedFds = Collections.unmodifiableSet(new TreeSet<>(builder.shieldedFds));
		this.fdFallbackLimit = builder.fdFallbackLimit;
		this.successTimeout = builder.successTimeout;
		this.stripCommandArguments = builder.stripCommandArguments;
		this.jvmOptions = List.copyOf(builder.jvmOptions);
		this.manualReadiness = builder.manualReadiness;
		this.mode = builder.mode;
		this.user = builder.user;
		this.group = builder.group;
		this.preventCoreDumps = builder.preventCoreDumps;
		this.reopenStreamsSignal = builder.reopenStreamsSignal;
		this.startupCache = builder.startupCache;
		this.startupCacheDirectory = builder.startupCacheDirectory;
	}

	/**
	 * Returns the default options: the launcher's working directory, standard input from
	 * the null device, standard output and error appended to a file beside the PID file
	 * ({@code app.out} for {@code app.pid}), umask {@code 027}, no shielded descriptors,
	 * a 30 second success timeout.
	 * @return the defaults
	 */
	public static DaemonizeOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Starts building options from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts building options from these.
	 * @return a builder holding these options
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.chdir = this.chdir;
		builder.stdin = this.stdin;
		builder.stdout = this.stdout;
		builder.stderr = this.stderr;
		builder.umask = this.umask;
		builder.shieldedFds.addAll(this.shieldedFds);
		builder.fdFallbackLimit = this.fdFallbackLimit;
		builder.successTimeout = this.successTimeout;
		builder.stripCommandArguments = this.stripCommandArguments;
		builder.jvmOptions.addAll(this.jvmOptions);
		builder.manualReadiness = this.manualReadiness;
		builder.mode = this.mode;
		builder.user = this.user;
		builder.group = this.group;
		builder.preventCoreDumps = this.preventCoreDumps;
		builder.reopenStreamsSignal = this.reopenStreamsSignal;
		builder.startupCache = this.startupCache;
		builder.startupCacheDirectory = this.startupCacheDirectory;
		return builder;
	}

	/**
	 * Returns the daemon's working directory.
	 * @return the directory, or {@code null} for the launcher's working directory
	 */
	public @Nullable Path chdir() {
		return this.chdir;
	}

	/**
	 * Returns the file the daemon's standard input reads from.
	 * @return the file, or {@code null} for the null device
	 */
	public @Nullable Path stdin() {
		return this.stdin;
	}

	/**
	 * Returns the file the daemon's standard output is appended to.
	 * @return the file, or {@code null} for the file beside the PID file, named after it
	 * with {@code .out} for {@code .pid}
	 */
	public @Nullable Path stdout() {
		return this.stdout;
	}

	/**
	 * Returns the file the daemon's standard error is appended to.
	 * @return the file, or {@code null} for the file beside the PID file, named after it
	 * with {@code .out} for {@code .pid}
	 */
	public @Nullable Path stderr() {
		return this.stderr;
	}

	/**
	 * Returns the daemon's file creation mask (unused on Windows).
	 * @return the umask, such as {@code 027}
	 */
	public int umask() {
		return this.umask;
	}

	/**
	 * Returns the file descriptors that the daemon inherits from the launcher (unused on
	 * Windows). Every other descriptor above 2 is closed.
	 * @return the shielded descriptors, in ascending order
	 */
	public Set<Integer> shieldedFds() {
		return this.shieldedFds;
	}

	/**
	 * Returns one more than the highest descriptor closed when the descriptor limit is
	 * unlimited (unused on Windows).
	 * @return the fallback limit
	 */
	public int fdFallbackLimit() {
		return this.fdFallbackLimit;
	}

	/**
	 * Returns how long the launcher waits for the daemon to confirm its start-up.
	 * @return the timeout
	 */
	public Duration successTimeout() {
		return this.successTimeout;
	}

	/**
	 * Returns whether the daemon is started without the application arguments that the
	 * launcher was given.
	 * @return {@code true} to drop them
	 */
	public boolean stripCommandArguments() {
		return this.stripCommandArguments;
	}

	/**
	 * Returns JVM options that only the daemon gets, placed before the launcher's own.
	 * @return the options, such as {@code -Xmx2g}
	 */
	public List<String> jvmOptions() {
		return this.jvmOptions;
	}

	/**
	 * Returns whether the daemon confirms its start-up itself, through
	 * {@link Daemoniker#notifyReady()}, instead of when {@code daemonize} returns.
	 * @return {@code true} when the daemon confirms later
	 */
	public boolean manualReadiness() {
		return this.manualReadiness;
	}

	/**
	 * Returns how {@code daemonize} runs the application.
	 * @return the mode set on the builder, or else the one of the system property
	 * {@value RunMode#PROPERTY}, or else {@link RunMode#DAEMON}
	 * @throws IllegalArgumentException if the system property names no mode
	 */
	public RunMode mode() {
		return (this.mode != null) ? this.mode : RunMode.fromSystemProperty();
	}

	/**
	 * Returns the user the daemon switches to (Unix, when started as root).
	 * @return a user name or numeric id, or {@code null} to keep the launcher's user
	 */
	public @Nullable String user() {
		return this.user;
	}

	/**
	 * Returns the group the daemon switches to (Unix, when started as root).
	 * @return a group name or numeric id, or {@code null} for the user's primary group
	 */
	public @Nullable String group() {
		return this.group;
	}

	/**
	 * Returns whether the daemon prevents core dumps of itself ({@code RLIMIT_CORE} 0).
	 * @return {@code true} to prevent them
	 */
	public boolean preventCoreDumps() {
		return this.preventCoreDumps;
	}

	/**
	 * Returns the signal on which the daemon reopens the files its standard output and
	 * error are appended to (Unix).
	 * @return the signal number, by default {@code SIGHUP}'s, or empty for none
	 */
	public OptionalInt reopenStreamsSignal() {
		return (this.reopenStreamsSignal != 0) ? OptionalInt.of(this.reopenStreamsSignal) : OptionalInt.empty();
	}

	/**
	 * Returns whether the daemon gets a start-up cache that its own runs make (see
	 * {@link Builder#startupCache(boolean)}).
	 * @return {@code true} when it does
	 */
	public boolean startupCache() {
		return this.startupCache;
	}

	/**
	 * Returns the directory of the daemon's start-up cache.
	 * @return the directory, or {@code null} for the PID file's directory
	 */
	public @Nullable Path startupCacheDirectory() {
		return this.startupCacheDirectory;
	}

	/**
	 * Builds {@link DaemonizeOptions}.
	 */
	public static final class Builder {

		private @Nullable Path chdir;

		private @Nullable Path stdin;

		private @Nullable Path stdout;

		private @Nullable Path stderr;

		private int umask = DEFAULT_UMASK;

		private final Set<Integer> shieldedFds = new TreeSet<>();

		private int fdFallbackLimit = 1024;

		private Duration successTimeout = DEFAULT_SUCCESS_TIMEOUT;

		private boolean stripCommandArguments;

		private final List<String> jvmOptions = new ArrayList<>();

		private boolean manualReadiness;

		private @Nullable RunMode mode;

		private @Nullable String user;

		private @Nullable String group;

		private boolean preventCoreDumps;

		private int reopenStreamsSignal = SIGHUP.SIGNUM;

		private boolean startupCache;

		private @Nullable Path startupCacheDirectory;

		private Builder() {
		}

		/**
		 * Sets the daemon's working directory. It must exist.
		 * @param directory the directory, or {@code null} for the launcher's
		 * @return this builder
		 */
		public Builder chdir(@Nullable Path directory) {
			this.chdir = directory;
			return this;
		}

		/**
		 * Sets the file the daemon's standard input reads from.
		 * @param file the file, or {@code null} for the null device
		 * @return this builder
		 */
		public Builder stdin(@Nullable Path file) {
			this.stdin = file;
			return this;
		}

		/**
		 * Sets the file the daemon's standard output is appended to, created if missing.
		 * Pass the null device to discard it.
		 * @param file the file, or {@code null} for the file beside the PID file
		 * @return this builder
		 */
		public Builder stdout(@Nullable Path file) {
			this.stdout = file;
			return this;
		}

		/**
		 * Sets the file the daemon's standard error is appended to, created if missing.
		 * It may be the same file as standard output. Pass the null device to discard it.
		 * @param file the file, or {@code null} for the file beside the PID file
		 * @return this builder
		 */
		public Builder stderr(@Nullable Path file) {
			this.stderr = file;
			return this;
		}

		/**
		 * Sets the daemon's file creation mask.
		 * @param mask the mask, from {@code 0} to {@code 0777}
		 * @return this builder
		 * @throws IllegalArgumentException if the mask is out of range
		 */
		public Builder umask(int mask) {
			if (mask < 0 || mask > 0777) {
				// The value as given: a negative one in octal would read 037777777777.
				String given = (mask < 0) ? Integer.toString(mask)
						: "0" + Integer.toOctalString(mask) + " (decimal " + mask + ")";
				throw new IllegalArgumentException(
						"umask must be between 0 and 0777 (octal), not " + given + "; give it in octal, such as 027");
			}
			this.umask = mask;
			return this;
		}

		/**
		 * Adds descriptors that the daemon inherits from the launcher.
		 * @param fds descriptors above 2
		 * @return this builder
		 * @throws IllegalArgumentException if a descriptor is 2 or less
		 */
		public Builder shieldedFds(int... fds) {
			for (int fd : fds) {
				if (fd <= 2) {
					throw new IllegalArgumentException("shielded descriptor " + fd
							+ " is a standard stream, which is always redirected; shield descriptors above 2");
				}
				this.shieldedFds.add(fd);
			}
			return this;
		}

		/**
		 * Sets one more than the highest descriptor closed when the descriptor limit is
		 * unlimited.
		 * @param limit the limit, above 2
		 * @return this builder
		 * @throws IllegalArgumentException if the limit is 2 or less
		 */
		public Builder fdFallbackLimit(int limit) {
			if (limit <= 2) {
				throw new IllegalArgumentException("fdFallbackLimit must be above 2, not " + limit);
			}
			this.fdFallbackLimit = limit;
			return this;
		}

		/**
		 * Sets how long the launcher waits for the daemon to confirm its start-up.
		 * @param timeout a positive duration
		 * @return this builder
		 * @throws IllegalArgumentException if the timeout is not positive
		 */
		public Builder successTimeout(Duration timeout) {
			Objects.requireNonNull(timeout, "timeout");
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("successTimeout must be positive, not " + timeout);
			}
			this.successTimeout = timeout;
			return this;
		}

		/**
		 * Sets whether the daemon is started without the launcher's application
		 * arguments.
		 * @param strip {@code true} to drop them
		 * @return this builder
		 */
		public Builder stripCommandArguments(boolean strip) {
			this.stripCommandArguments = strip;
			return this;
		}

		/**
		 * Adds JVM options that only the daemon gets.
		 * @param options options such as {@code -Xmx2g}
		 * @return this builder
		 */
		public Builder jvmOptions(String... options) {
			for (String option : options) {
				if (!option.startsWith("-")) {
					throw new IllegalArgumentException("JVM option \"" + option + "\" does not start with '-'");
				}
				this.jvmOptions.add(option);
			}
			return this;
		}

		/**
		 * Sets whether the daemon confirms start-up itself, through
		 * {@link Daemoniker#notifyReady()}, rather than when {@code daemonize} returns.
		 * Its standard streams are redirected when {@code daemonize} returns either way.
		 * @param manual {@code true} to confirm later
		 * @return this builder
		 */
		public Builder manualReadiness(boolean manual) {
			this.manualReadiness = manual;
			return this;
		}

		/**
		 * Sets how {@code daemonize} runs the application: {@link RunMode#DAEMON}
		 * detaches, {@link RunMode#FOREGROUND} stays in the foreground for a supervisor
		 * (taking the PID file and applying the user and core dump settings, but neither
		 * relaunching nor redirecting the standard streams), {@link RunMode#AUTO} picks
		 * the foreground under systemd or as PID 1.
		 * @param mode the mode, or {@code null} for the system property
		 * {@value RunMode#PROPERTY}, or else {@link RunMode#DAEMON}
		 * @return this builder
		 */
		public Builder mode(@Nullable RunMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * Sets the user the daemon switches to once it holds its PID file, before it
		 * opens its log files (Unix). Only root can switch users: the launcher refuses to
		 * start otherwise. The PID file is given to that user, and its directory must be
		 * writable for the user, so that the daemon can remove the file when it stops;
		 * the log files must be writable for the user too.
		 * @param user a user name or numeric id, or {@code null} to keep the user
		 * @return this builder
		 * @throws IllegalArgumentException if the name is empty
		 */
		public Builder user(@Nullable String user) {
			this.user = checkedName(user, "user");
			return this;
		}

		/**
		 * Sets the group the daemon switches to (Unix, as root; see {@link #user}).
		 * @param group a group name or numeric id, or {@code null} for the user's primary
		 * group (or the launcher's group when no user is set)
		 * @return this builder
		 * @throws IllegalArgumentException if the name is empty
		 */
		public Builder group(@Nullable String group) {
			this.group = checkedName(group, "group");
			return this;
		}

		private static @Nullable String checkedName(@Nullable String name, String what) {
			if (name != null && name.isBlank()) {
				throw new IllegalArgumentException(what + " must not be blank; use null to keep the current " + what);
			}
			return name;
		}

		/**
		 * Sets whether the daemon prevents core dumps of itself, setting
		 * {@code RLIMIT_CORE} to zero as PEP 3143 daemons do (Unix). A JVM's core dump
		 * holds its whole heap; Java's own crash files ({@code hs_err_pid*.log}) are
		 * still written.
		 * @param prevent {@code true} to prevent them
		 * @return this builder
		 */
		public Builder preventCoreDumps(boolean prevent) {
			this.preventCoreDumps = prevent;
			return this;
		}

		/**
		 * Sets the signal on which the daemon reopens the files its standard output and
		 * error are appended to, so that {@code logrotate} works without
		 * {@code copytruncate} (Unix). {@code SIGHUP} unless told otherwise; it is only
		 * installed when a stream goes to a file. Daemoniker reopens the files first, and
		 * then the application's handler of the signal in {@link SignalHandler1} runs as
		 * usual; without such a handler, the signal no longer ends the daemon (a thread
		 * in {@link SignalHandler1#awaitSignal()} still receives it), and a handler set
		 * to {@link SignalHandler1#IGNORE_SIGNAL} ignores it, reopening included.
		 * @param signal {@code HUP} or {@code USR1} (with or without {@code SIG}), or
		 * {@code null} not to reopen on any signal
		 * @return this builder
		 * @throws IllegalArgumentException if the signal is not one of these
		 */
		public Builder reopenStreamsOn(@Nullable String signal) {
			if (signal == null || signal.isBlank()) {
				this.reopenStreamsSignal = 0;
				return this;
			}
			int signum = SignalNumbers.number(signal).orElse(-1);
			if (signum != SIGHUP.SIGNUM && signum != SIGUSR1.SIGNUM) {
				throw new IllegalArgumentException("cannot reopen the standard streams on signal \"" + signal
						+ "\"; use HUP or USR1, or null for none");
			}
			this.reopenStreamsSignal = signum;
			return this;
		}

		/**
		 * Sets whether the daemon gets a start-up cache that its own runs make, without a
		 * training run of their own, kept beside the PID file. Off unless told otherwise.
		 * <p>
		 * On JDK 17 and 18 the daemon's first orderly exit (not a kill) writes a dynamic
		 * CDS archive ({@code -XX:ArchiveClassesAtExit}) that the next starts use; on JDK
		 * 19 to 24 the JVM keeps such an archive itself
		 * ({@code -XX:+AutoCreateSharedArchive}). On JDK 25 the daemon gets the AOT cache
		 * instead, in two steps, so that no JVM is left running after the daemon's: its
		 * first orderly exit records the AOT configuration ({@code -XX:AOTMode=record}),
		 * and the next launcher makes the cache from it ({@code -XX:AOTMode=create}, a
		 * JVM run of some seconds, once) before it starts the daemon with it
		 * ({@code -XX:AOTCache}); if that fails, the application keeps to a CDS archive.
		 * The files are named after the PID file and a digest of the JVM (its home,
		 * version and vendor), of the daemon's JVM options and of the class path's files
		 * (their paths, sizes and modification times), so that another JVM, another jar
		 * or another application never uses them.
		 * <p>
		 * The cache never makes a start fail. The launcher prints one line and starts the
		 * daemon without a cache when the directory can be written by others than this
		 * user or is not this user's, when a directory above it is neither this user's
		 * nor root's or can be written by others without being sticky (another user could
		 * then put a directory of theirs in its place), when a file in the cache's place
		 * is not a regular file of this user's (it is left alone), or when the class path
		 * holds a directory (which CDS cannot archive). Before any daemon maps a file
		 * that was written since the last start, the launcher maps it in a short JVM of
		 * its own ({@code -Xshare:on} or {@code -XX:AOTMode=on}, with the daemon's
		 * options); a file that fails (truncated by a daemon killed while writing it,
		 * damaged, made by another JVM) costs one line, is removed and made again. Costs:
		 * disk space (tens of megabytes for a Spring Boot application), a longer first
		 * exit, the short checking JVM once per new file, and on JDK 25 the making of the
		 * cache in one launcher. Ignored in the foreground, and when a JVM option of the
		 * daemon chooses an archive or cache already.
		 * @param enabled {@code true} to give the daemon a start-up cache
		 * @return this builder
		 */
		public Builder startupCache(boolean enabled) {
			this.startupCache = enabled;
			if (!enabled) {
				this.startupCacheDirectory = null;
			}
			return this;
		}

		/**
		 * Gives the daemon a start-up cache, as {@link #startupCache(boolean)} does, kept
		 * in this directory instead of beside the PID file. The directory must exist, and
		 * be writable for this user alone; relative, it is resolved against the
		 * launcher's working directory.
		 * @param directory the directory
		 * @return this builder
		 */
		public Builder startupCache(Path directory) {
			this.startupCacheDirectory = Objects.requireNonNull(directory, "directory");
			this.startupCache = true;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public DaemonizeOptions build() {
			return new DaemonizeOptions(this);
		}

	}

}
