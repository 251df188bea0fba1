/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import io.daemoniker.internal.pidfile.PidFileLock;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.Platform;

/**
 * Tells whether a daemon holds its PID file on Windows, where the holder of a lock cannot
 * be asked for: tries for an instant to take a shared lock on the byte that daemons lock
 * ({@link PidFileLock#WINDOWS_LOCK_POSITION}). Plain Java: the same probe works on any
 * system, which is how it is tested.
 */
public final class WindowsLockProbe {

	private WindowsLockProbe() {
	}

	/**
	 * Probes the lock of a PID file.
	 * @param file the PID file
	 * @return {@link Platform#UNNAMED_HOLDER} if a process holds the lock, this process's
	 * PID if this JVM does, or empty if nobody does
	 * @throws IOException if the file cannot be opened
	 */
	public static OptionalLong holderOf(Path file) throws IOException {
		if (Files.isSymbolicLink(file)) {
			throw new IOException(file + " is a symbolic link");
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			FileLock probe = channel.tryLock(PidFileLock.WINDOWS_LOCK_POSITION, 1, true);
			if (probe == null) {
				return OptionalLong.of(Platform.UNNAMED_HOLDER);
			}
			probe.release();
			return OptionalLong.empty();
		}
		catch (OverlappingFileLockException ex) {
			return OptionalLong.of(CurrentProcess.pid());
		}
	}

}
