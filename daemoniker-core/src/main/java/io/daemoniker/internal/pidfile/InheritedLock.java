/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.FileStat;

/**
 * Takes over the PID file that the intermediate shell locked for this process before it
 * became this JVM, and judges it as {@link UnixHeldFile#tryAcquire} judges a file it
 * opened itself, on the locked descriptor: its type, that the path still names it, other
 * programs' locks, its content unless the shell created it, and the daemon's stream
 * targets. Nothing here needs native code on Linux.
 */
final class InheritedLock {

	private InheritedLock() {
	}

	/**
	 * Takes over the inherited lock on the PID file.
	 * @param path the resolved path
	 * @param streams the daemon's stream targets, which must not be this file
	 * @param created whether the shell created the file
	 * @return the held file, or empty when this process holds no lock on the file that
	 * the path names now (the caller then takes it with native calls, as it would have
	 * without the shell)
	 * @throws PidFileException if the file must not or cannot be taken
	 */
	static Optional<HeldFile> adopt(Path path, Map<String, Path> streams, boolean created) {
		InheritedDescriptor descriptor;
		FileStat opened;
		try {
			descriptor = InheritedDescriptor.find(path).orElse(null);
			if (descriptor == null) {
				return Optional.empty();
			}
			opened = descriptor.stat();
			if (!opened.isNamedBy(path)) {
				// Replaced or removed since the shell opened it: the lock is on a file
				// that the path no longer names, and only the native path can try again.
				descriptor.close();
				return Optional.empty();
			}
		}
		catch (IOException ex) {
			throw Refusals.cannotCreate(path, ex);
		}
		UnixHeldFile held = new UnixHeldFile(descriptor, opened);
		try {
			UnixHeldFile.refuseUnlessRegular(path, opened.kind());
			UnixHeldFile.refuseOtherLocksOfInherited(path, opened);
			if (!created) {
				byte[] sample = descriptor.read(PidFileContent.SAMPLE_LENGTH);
				long size = descriptor.stat().size();
				if (!PidFileContent.isReclaimable(sample, size)) {
					throw Refusals.notReclaimable(path, sample, size);
				}
			}
			held.refuseStreams(path, streams);
			return Optional.of(held);
		}
		catch (PidFileException ex) {
			abandon(path, held, created);
			throw ex;
		}
		catch (IOException ex) {
			abandon(path, held, created);
			throw Refusals.cannotCreate(path, ex);
		}
	}

	/**
	 * Gives the file up: removed if the shell created it for this process and the path
	 * still names it, left as it was otherwise.
	 */
	private static void abandon(Path path, UnixHeldFile held, boolean created) {
		if (created && held.isNamedBy(path)) {
			try {
				Files.delete(path);
			}
			catch (IOException ex) {
				// Already gone.
			}
		}
		held.release();
	}

}
