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

/**
 * Decides about a locked PID file whose lock holder the platform cannot name: Windows,
 * and the {@code flock} lock of a daemon on macOS and the BSDs (see
 * {@link #byModificationTime}). The daemon is alive, since the lock is held; the PID in
 * the file is the daemon's or that of the sentinel process that receives its signals,
 * which the daemon wrote while holding the lock, together with the instant that process
 * started. The PID is trusted only when a process with that PID runs and started at
 * exactly that instant: a process that started at another one was given the PID after the
 * one the daemon wrote had ended.
 * <p>
 * The start instant is the one the JDK reports ({@code ProcessHandle.Info.startInstant},
 * from {@code GetProcessTimes} on Windows), in milliseconds, read the same way by the
 * daemon that writes it and by every reader. The modification time of the file cannot
 * stand in for it: NTFS does not update it while the daemon keeps the file open. A sender
 * checks this while it holds a handle to the process ({@code killIf}), and Windows gives
 * no other process that PID while a handle is open, so the process it checks is the one
 * it signals.
 */
final class UnnamedHolder {

	/** Covers file systems that keep modification times coarsely. */
	private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

	private UnnamedHolder() {
	}

	static DaemonStatus inspect(Path path, Optional<Long> pid, String text, boolean writtenOnce) {
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
		Optional<Instant> recorded = PidFileContent.parseStarted(text);
		if (recorded.isEmpty() && writtenOnce) {
			return byModificationTime(path, named, process.get());
		}
		if (recorded.isEmpty()) {
			return PidFileInspector.untrusted(path, named, "names pid " + named
					+ " without the instant it started, so a process that was given that PID later cannot be told"
					+ " from it; refusing to signal it (a daemon writes the instant on its next start)");
		}
		Optional<Instant> started = process.get().info().startInstant();
		if (started.isEmpty()) {
			return PidFileInspector.untrusted(path, named,
					"names pid " + named + ", but when that process started cannot be read; refusing to signal it");
		}
		if (!started.get().equals(recorded.get())) {
			return PidFileInspector.untrusted(path, named,
					"names pid " + named + " that started at " + recorded.get() + ", but pid " + named
							+ " now is a process that started at " + started.get()
							+ ": that PID was reused by another process; refusing to signal it");
		}
		return PidFileInspector.status(path, State.RUNNING, named, "running (pid " + named + "): " + path);
	}

	/**
	 * macOS and the BSDs, where {@code F_GETLK} sees a daemon's {@code flock} lock but
	 * not its holder: the daemon writes its own PID once, so the file's modification
	 * time, which these file systems update on every write, tells a process that started
	 * later (a PID reused after the one written had ended) from the daemon. The PID file
	 * keeps the single line that {@code kill $(cat app.pid)} expects.
	 */
	private static DaemonStatus byModificationTime(Path path, long named, ProcessHandle process) {
		Optional<Instant> started = process.info().startInstant();
		Instant written;
		try {
			written = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
		}
		catch (IOException ex) {
			return PidFileInspector.untrusted(path, named, "cannot be checked: " + ex.getMessage());
		}
		if (started.isEmpty() || started.get().isAfter(written.plus(CLOCK_SLACK))) {
			return PidFileInspector.untrusted(path, named,
					"names pid " + named + ", which started after the file was last written at " + written
							+ " (or when it started cannot be read): that PID may be another process's; refusing to"
							+ " signal it");
		}
		return PidFileInspector.status(path, State.RUNNING, named, "running (pid " + named + "): " + path);
	}

}
