/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.daemoniker.DaemonStatus;
import io.daemoniker.DaemonStatus.State;
import org.jspecify.annotations.Nullable;

/**
 * Decides about a locked PID file whose lock holder the platform cannot name (Windows).
 * The daemon is alive, since the lock is held; the PID in the file is the daemon's or
 * that of the sentinel process that receives its signals, which the daemon wrote while
 * holding the lock. It is trusted when that process runs and started before the file was
 * last written: a process that started later holds a PID that was reused after the one
 * the daemon wrote had ended.
 */
final class UnnamedHolder {

	/** Covers file systems that keep modification times coarsely (FAT: 2 s). */
	private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

	private UnnamedHolder() {
	}

	static DaemonStatus inspect(Path path, Optional<Long> pid, String text) {
		if (pid.isEmpty()) {
			String what = text.isBlank() ? "is empty"
					: "does not hold a PID (\"" + PidFileInspector.printable(text) + "\")";
			return PidFileInspector.untrusted(path, -1, what + " although a process holds its lock");
		}
		long named = pid.get();
		Optional<ProcessHandle> process = ProcessHandle.of(named).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return PidFileInspector.untrusted(path, named,
					"is locked, but pid " + named + " that it names is not running "
							+ "(its daemon may be replacing its signal sentinel at this moment); try again");
		}
		Optional<Instant> started = process.get().info().startInstant();
		Instant written = lastWritten(path);
		if (started.isPresent() && written != null && started.get().isAfter(written.plus(CLOCK_SLACK))) {
			return PidFileInspector.untrusted(path, named,
					"names pid " + named + ", which started at " + started.get()
							+ ", after the file was last written at " + written
							+ ": that PID was reused by another process; refusing to signal it");
		}
		return new DaemonStatus(path, State.RUNNING, named, "running (pid " + named + "): " + path);
	}

	private static @Nullable Instant lastWritten(Path path) {
		try {
			return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
