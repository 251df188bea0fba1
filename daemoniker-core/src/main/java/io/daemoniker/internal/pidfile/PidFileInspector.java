/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import io.daemoniker.DaemonStatus;
import io.daemoniker.DaemonStatus.State;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.KernelPaths;
import io.daemoniker.internal.platform.LockHolder;
import io.daemoniker.internal.platform.Platform;

/**
 * Reads a PID file from outside its daemon and decides whether it can be trusted: the
 * file must be locked, and the process holding the lock must be the one whose PID the
 * file holds. Only then may a signal be sent to that PID.
 */
public final class PidFileInspector {

	private static final int SETTLE_RETRIES = 5;

	private static final long SETTLE_PAUSE_MILLIS = 20;

	private final Platform platform;

	/**
	 * Creates an inspector that asks the given platform who holds a lock.
	 * @param platform the platform
	 */
	public PidFileInspector(Platform platform) {
		this.platform = platform;
	}

	/**
	 * Inspects a PID file.
	 * @param pidFile the PID file
	 * @return what it says about its daemon
	 */
	public DaemonStatus inspect(Path pidFile) {
		DaemonStatus status = inspectOnce(pidFile);
		// A daemon writes its PID just after taking the lock, and a rewrite truncates
		// before it writes: a reader that came in between sees a locked file without the
		// right PID, so it looks again before it calls the file untrusted.
		for (int retry = 0; retry < SETTLE_RETRIES && status.state() == State.UNTRUSTED
				&& Files.isRegularFile(status.pidFile(), LinkOption.NOFOLLOW_LINKS); retry++) {
			try {
				Thread.sleep(SETTLE_PAUSE_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status;
			}
			status = inspectOnce(pidFile);
		}
		return status;
	}

	private DaemonStatus inspectOnce(Path pidFile) {
		Path path = KernelPaths.resolve(pidFile);
		Optional<PidFileLock> own = PidFileLock.heldByThisProcess(path);
		if (own.isPresent()) {
			long pid = CurrentProcess.pid();
			return status(path, State.RUNNING, pid, "running (pid " + pid + "): " + path);
		}
		try {
			PidFileSnapshot snapshot = PidFileSnapshot.read(path);
			if (snapshot.kind() == FileKind.SYMBOLIC_LINK) {
				return untrusted(path, -1, "is a symbolic link, which a PID file never is; remove it by hand");
			}
			if (snapshot.kind() != FileKind.REGULAR) {
				return untrusted(path, -1, "is " + snapshot.kind().description()
						+ ", not a regular file, which a PID file always is; give the path of a PID file");
			}
			String text = snapshot.text();
			Optional<Long> pid = PidFileContent.parse(text);
			// Asking who holds the lock takes no lock: a probe with tryLock would make a
			// daemon that is starting at that moment believe the file is taken.
			LockHolder holder = (snapshot.identity() != null)
					? this.platform.lockHolderOf(path, snapshot.identity(), pid.orElse(-1L))
					: this.platform.lockHolderOf(path);
			switch (holder.state()) {
				case NONE:
					if (!PidFileContent.isReclaimable(snapshot.sample(), snapshot.size())) {
						return untrusted(path, pid.orElse(-1L),
								"holds " + PidFileContent.describe(snapshot.sample(), snapshot.size())
										+ " and is not locked: it is not a PID file, and a start refuses it too;"
										+ " check the path");
					}
					return status(path, State.STALE, pid.orElse(-1L),
							"not running, stale PID file" + pid.map((value) -> " (pid " + value + ")").orElse("") + ": "
									+ path + " is not locked by any process; the next start reclaims it");
				case UNNAMED:
					return UnnamedHolder.inspect(path, pid, text, holder.isUnnamedFlock());
				case FOREIGN:
					return untrusted(path, pid.orElse(-1L), "is locked, but not as a daemon locks its PID file ("
							+ holder.description() + "); refusing to trust the pid it names");
				default:
					break;
			}
			if (pid.isEmpty()) {
				String what = text.isBlank() ? "is empty" : "does not hold a PID (\"" + printable(text) + "\")";
				return untrusted(path, -1, what + " although pid " + holder.pid() + " holds its lock");
			}
			if (holder.pid() != pid.get()) {
				return untrusted(path, pid.get(), "names pid " + pid.get() + " but its lock is held by pid "
						+ holder.pid() + "; refusing to signal a process that does not hold the lock");
			}
			return status(path, State.RUNNING, pid.get(), "running (pid " + pid.get() + "): " + path);
		}
		catch (NoSuchFileException ex) {
			return status(path, State.NOT_RUNNING, -1, "not running: no PID file at " + path);
		}
		catch (AccessDeniedException ex) {
			return untrusted(path, -1, "cannot be read: permission denied; run this as a user who may read it");
		}
		catch (FileSystemException ex) {
			return untrusted(path, -1, "cannot be read: " + ((ex.getReason() != null) ? ex.getReason() : ex));
		}
		catch (IOException ex) {
			return untrusted(path, -1, "cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Returns a status with a PID that is {@code -1} when none could be read.
	 */
	static DaemonStatus status(Path path, State state, long pid, String description) {
		return new DaemonStatus(path, state, (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty(), description);
	}

	static DaemonStatus untrusted(Path path, long pid, String problem) {
		return status(path, State.UNTRUSTED, pid, "PID file " + path + " " + problem);
	}

	static String printable(String text) {
		String oneLine = text.strip().replaceAll("\\p{Cntrl}", "?");
		return (oneLine.length() > 20) ? oneLine.substring(0, 20) + "..." : oneLine;
	}

}
