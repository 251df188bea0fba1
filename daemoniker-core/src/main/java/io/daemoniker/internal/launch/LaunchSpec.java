/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What one start asks for, as the internal code reads it: the facade translates the
 * public {@code DaemonizeOptions} into it once, which has checked every value, so that
 * the public options can change their shape without the launch code noticing and the
 * launch code cannot come to depend on the builder's defaults. Paths are as the
 * application gave them; the launcher resolves them.
 *
 * @param chdir the daemon's working directory, or {@code null} for the launcher's
 * @param stdin the file the daemon's standard input reads from, or {@code null} for the
 * null device
 * @param stdout the file its standard output is appended to, or {@code null} for the file
 * beside the PID file
 * @param stderr the file its standard error is appended to, or {@code null} for the file
 * beside the PID file
 * @param umask the daemon's file creation mask
 * @param shieldedFds the descriptors the daemon inherits, in ascending order
 * @param fdFallbackLimit one more than the highest descriptor closed when there is no
 * descriptor limit
 * @param successTimeout how long the launcher waits for the daemon to confirm
 * @param stripCommandArguments whether the daemon is started without the launcher's
 * application arguments
 * @param jvmOptions the JVM options only the daemon gets
 * @param manualReadiness whether the daemon confirms start-up itself, later
 * @param settings what the daemon does to itself once it holds its PID file
 * @param startupCache whether the daemon gets a start-up cache
 * @param startupCacheDirectory the start-up cache's directory, or {@code null} for the
 * PID file's
 */
public record LaunchSpec(@Nullable Path chdir, @Nullable Path stdin, @Nullable Path stdout, @Nullable Path stderr,
		int umask, Set<Integer> shieldedFds, int fdFallbackLimit, Duration successTimeout,
		boolean stripCommandArguments, List<String> jvmOptions, boolean manualReadiness, ProcessSettings settings,
		boolean startupCache, @Nullable Path startupCacheDirectory) {

	/**
	 * Creates a spec, with unmodifiable copies of the collections it is given.
	 */
	public LaunchSpec {
		shieldedFds = Collections.unmodifiableSet(new TreeSet<>(shieldedFds));
		jvmOptions = List.copyOf(jvmOptions);
	}

}
