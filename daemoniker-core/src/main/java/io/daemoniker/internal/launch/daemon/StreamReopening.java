/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.io.IOException;
import java.nio.file.Path;

import io.daemoniker.SignalError;
import io.daemoniker.internal.logging.DeferredLogger;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.StandardStreams;
import io.daemoniker.internal.signal.BuiltInSignalActions;
import org.jspecify.annotations.Nullable;

/**
 * Reopens the daemon's log files on a signal, for {@code logrotate} without
 * {@code copytruncate}: it renames the log, signals the daemon, and the daemon creates a
 * new file under the old name.
 */
final class StreamReopening {

	private static final DeferredLogger LOGGER = DeferredLogger.of(StreamReopening.class);

	private static final Path NULL_DEVICE = Platform.current().nullDevice();

	private StreamReopening() {
	}

	/**
	 * Makes a signal reopen the standard streams, alongside the application's handler of
	 * that signal. Does nothing when both streams go to the null device.
	 * @param signum the signal
	 * @param stdout the file standard output is appended to
	 * @param stderr the file standard error is appended to
	 */
	static void install(int signum, Path stdout, Path stderr) {
		if (!OperatingSystem.current().isUnix() || (fileOrNull(stdout) == null && fileOrNull(stderr) == null)) {
			return;
		}
		try {
			BuiltInSignalActions.add(signum, new Reopening(signum, stdout, stderr));
		}
		catch (SignalError ex) {
			// A daemon that cannot reopen its logs (under -Xrs, say) still runs.
			LOGGER.warning(
					"the log files will not be reopened on SIG" + SignalNumbers.name(signum) + ": " + ex.getMessage());
		}
	}

	static void reopen(Path stdout, Path stderr) throws IOException {
		StandardStreams.reopen(fileOrNull(stdout), fileOrNull(stderr));
	}

	private static @Nullable Path fileOrNull(@Nullable Path target) {
		return (target == null || NULL_DEVICE.equals(target)) ? null : target;
	}

	/**
	 * Reopens the streams when the signal comes; a class, not a lambda: a daemon sets
	 * this up on its way to "ready", where the first use of each lambda or method
	 * reference costs its short-lived start a generated class.
	 */
	private static final class Reopening implements Runnable {

		private final int signum;

		private final Path stdout;

		private final Path stderr;

		Reopening(int signum, Path stdout, Path stderr) {
			this.signum = signum;
			this.stdout = stdout;
			this.stderr = stderr;
		}

		@Override
		public void run() {
			try {
				reopen(this.stdout, this.stderr);
			}
			catch (IOException ex) {
				LOGGER.warning("on SIG" + SignalNumbers.name(this.signum) + ": " + ex.getMessage()
						+ "; still writing to the previous files");
			}
		}

	}

}
