/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.daemoniker.AlreadyRunningException;
import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.CurrentProcess;
import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import io.daemoniker.internal.platform.LockHolder;
import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.UnixFile;
import org.jspecify.annotations.Nullable;

/**
 * A PID file held on Unix: opened by descriptor, locked with {@code flock} (see
 * {@link UnixFile} for why that kind of lock), and known by its identity (device and
 * inode), so that only the very file that was locked is ever written or removed.
 */
final class UnixHeldFile implements HeldFile {

	private static final int MODE = 0644;

	private final LockedDescriptor descriptor;

	private final FileStat identity;

	/**
	 * Holds a locked file.
	 * @param descriptor the locked descriptor, through which the content is replaced and
	 * whose closing releases the lock
	 * @param identity the file's identity, taken on the descriptor
	 */
	UnixHeldFile(LockedDescriptor descriptor, FileStat identity) {
		this.descriptor = descriptor;
		this.identity = identity;
	}

	/**
	 * One attempt to take the PID file: create it, or open what is there if that is a
	 * regular file; lock it; check that the path still names the file that was locked;
	 * and accept an existing file only if it is a stale PID file. Nothing that is not
	 * ours is written: every refusal comes before the first write.
	 * @param path the resolved path
	 * @param streams the daemon's stream targets, which must not be this file
	 * @return the held file, or empty when the path changed under us and the caller
	 * should try again
	 * @throws AlreadyRunningException if a live daemon holds it
	 * @throws PidFileException if the file must not or cannot be taken
	 */
	static Optional<HeldFile> tryAcquire(Path path, Map<String, Path> streams) {
		UnixFile file = null;
		boolean created = false;
		boolean locked = false;
		try {
			Optional<FileStat> before = FileStat.ofIfExists(path, LinkOption.NOFOLLOW_LINKS);
			if (before.isPresent()) {
				// Judged before opening too, so that no device is ever opened: opening
				// some (tapes, terminals) has effects of its own.
				refuseUnlessRegular(path, before.get().kind());
				file = UnixFile.openExisting(path, true);
			}
			else {
				file = UnixFile.createNew(path, MODE);
				created = true;
			}
			FileStat opened = file.stat();
			refuseUnlessRegular(path, opened.kind());
			if (before.isPresent() && !opened.isSameFile(before.get())) {
				return retry(file);
			}
			if (!file.tryLockExclusive()) {
				// Even a file this attempt created belongs to the process that locked it
				// first: a racing daemon that reclaimed it while it was still empty.
				byte[] sample = file.read(PidFileContent.SAMPLE_LENGTH);
				throw lockedByAnother(path, sample, opened.size());
			}
			locked = true;
			if (!opened.isNamedBy(path)) {
				// Removed or replaced between open and lock: only a lock on the file the
				// path names counts.
				return retry(file);
			}
			refuseOtherLocks(path, opened);
			if (!created) {
				byte[] sample = file.read(PidFileContent.SAMPLE_LENGTH);
				long size = file.stat().size();
				if (!PidFileContent.isReclaimable(sample, size)) {
					throw Refusals.notReclaimable(path, sample, size);
				}
			}
			UnixHeldFile held = new UnixHeldFile(new OpenedDescriptor(file), opened);
			held.refuseStreams(path, streams);
			if (created) {
				// 0644 whatever the umask, so that other users can run status and stop.
				file.setMode(MODE);
			}
			return Optional.of(held);
		}
		catch (NoSuchFileException | FileAlreadyExistsException ex) {
			// Removed or created by another process between our look and our open.
			return retry(file);
		}
		catch (PidFileException ex) {
			// Removed only if we created it and hold its lock: a file that we created
			// and another process locked first is that process's PID file now.
			abandon(path, file, created && locked);
			throw ex;
		}
		catch (FileSystemException ex) {
			abandon(path, file, created && locked);
			if ("is a symbolic link".equals(ex.getReason())) {
				throw Refusals.symbolicLink(path);
			}
			throw Refusals.cannotCreate(path, ex);
		}
		catch (IOException ex) {
			abandon(path, file, created && locked);
			throw Refusals.cannotCreate(path, ex);
		}
	}

	static void refuseUnlessRegular(Path path, FileKind kind) {
		if (kind == FileKind.SYMBOLIC_LINK) {
			throw Refusals.symbolicLink(path);
		}
		if (kind != FileKind.REGULAR) {
			throw Refusals.notRegular(path, kind);
		}
	}

	/**
	 * Refuses a file that another program holds a lock of another kind on, such as a
	 * POSIX read lock, which {@code flock} does not conflict with on Linux.
	 * @param path the file's path, for messages
	 * @param locked the file that this process has just locked
	 */
	static void refuseOtherLocks(Path path, FileStat locked) throws IOException {
		refuse(path, Platform.current().otherLocks(locked, CurrentProcess.pid()));
	}

	/**
	 * Refuses other locks as {@link #refuseOtherLocks(Path, FileStat)} does, for a lock
	 * that this process holds since before its JVM started, from the list of locks that
	 * may have been started for it ahead of time.
	 * @param path the file's path, for messages
	 * @param locked the file whose lock this process inherited
	 */
	static void refuseOtherLocksOfInherited(Path path, FileStat locked) throws IOException {
		refuse(path, Platform.current().otherLocksListedAhead(locked, CurrentProcess.pid()));
	}

	private static void refuse(Path path, Optional<String> others) {
		if (others.isPresent()) {
			throw Refusals.foreignLocks(path, others.get());
		}
	}

	private static PidFileException lockedByAnother(Path path, byte[] sample, long size) {
		Optional<Long> pid = PidFileContent.parse(new String(sample, StandardCharsets.ISO_8859_1));
		LockHolder holder;
		try {
			holder = Platform.current().lockHolderOf(path);
		}
		catch (IOException ex) {
			holder = LockHolder.unnamed();
		}
		if (holder.state() == LockHolder.State.FOREIGN) {
			return Refusals.foreignLocks(path, holder.description());
		}
		if (size > 0 && pid.isEmpty()) {
			return Refusals.lockedForeign(path, sample, size);
		}
		long named = (holder.state() == LockHolder.State.PROCESS) ? holder.pid() : pid.orElse(-1L);
		return new AlreadyRunningException(path, named);
	}

	private static Optional<HeldFile> retry(@Nullable UnixFile file) {
		if (file != null) {
			file.close();
		}
		return Optional.empty();
	}

	/**
	 * Gives up a file being taken: a file this attempt created and locked is removed, if
	 * the path still names it; any other file stays as it was.
	 */
	private static void abandon(Path path, @Nullable UnixFile file, boolean ours) {
		if (file == null) {
			return;
		}
		try {
			if (ours && file.stat().isNamedBy(path)) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			// Not ours any more, or already gone.
		}
		file.close();
	}

	/**
	 * Refuses the file if one of the daemon's stream targets leads to it.
	 * @param path the PID file's path
	 * @param streams the stream targets, by stream name
	 * @throws PidFileException if one of them is this file
	 */
	void refuseStreams(Path path, Map<String, Path> streams) {
		for (Map.Entry<String, Path> stream : streams.entrySet()) {
			if (isReachedThrough(stream.getValue())) {
				throw Refusals.sameAsStream(path, stream.getKey(), stream.getValue());
			}
		}
	}

	@Override
	public void replaceContent(byte[] content) throws IOException {
		this.descriptor.replaceContent(content);
	}

	@Override
	public boolean isNamedBy(Path path) {
		try {
			return this.identity.isNamedBy(path);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public boolean isReachedThrough(Path path) {
		try {
			Optional<FileStat> stat = FileStat.ofIfExists(path);
			return stat.isPresent() && stat.get().isSameFile(this.identity);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void release() {
		this.descriptor.close();
	}

	/**
	 * The locked descriptor of a held file: one this process opened, or the one that the
	 * intermediate shell locked and this JVM inherited. An interface with two
	 * implementations rather than two method references: a daemon makes one on its way to
	 * "ready", where each method reference's first use costs its short-lived start a
	 * generated class.
	 */
	interface LockedDescriptor {

		/**
		 * Replaces the content.
		 * @param content the new content
		 * @throws IOException if it cannot be written
		 */
		void replaceContent(byte[] content) throws IOException;

		/**
		 * Closes the descriptor, which releases the lock.
		 */
		void close();

	}

	/**
	 * A descriptor that this process opened with native calls.
	 */
	private static final class OpenedDescriptor implements LockedDescriptor {

		private final UnixFile file;

		OpenedDescriptor(UnixFile file) {
			this.file = file;
		}

		@Override
		public void replaceContent(byte[] content) throws IOException {
			this.file.replaceContent(content);
		}

		@Override
		public void close() {
			this.file.close();
		}

	}

}
