/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.daemoniker.AlreadyRunningError;
import io.daemoniker.PidFileError;
import io.daemoniker.internal.platform.OperatingSystem;
import org.jspecify.annotations.Nullable;

/**
 * A PID file that this process has created or reclaimed and holds locked for as long as
 * it lives. The operating system drops the lock when the process dies, however it dies,
 * so a PID file that exists but is not locked is stale and is reclaimed by the next
 * start.
 * <p>
 * The file is never opened a second time by this process while it is held: closing any
 * descriptor of a file drops all of this process's POSIX locks on it.
 * <p>
 * On Unix the whole file is locked. On Windows a lock is mandatory, and nobody else could
 * read a locked byte, so only the byte at {@link #WINDOWS_LOCK_POSITION}, far past the
 * content, is locked: {@code status} and {@code send} read the PID and probe that byte.
 */
public final class PidFileLock implements AutoCloseable {

	private static final Map<Path, PidFileLock> HELD = new ConcurrentHashMap<>();

	private static final int ATTEMPTS = 20;

	/**
	 * The byte that a daemon locks in its PID file on Windows, past any content it will
	 * ever hold.
	 */
	public static final long WINDOWS_LOCK_POSITION = Integer.MAX_VALUE;

	private static final boolean LOCK_BEYOND_CONTENT = OperatingSystem.current() == OperatingSystem.WINDOWS;

	/**
	 * How often a Windows daemon tries the lock before it believes another holds it: a
	 * {@code status} running at that moment holds it for an instant to probe it.
	 */
	private static final int WINDOWS_LOCK_TRIES = 10;

	/**
	 * How long a Windows daemon waits for a PID file that is being deleted to go, before
	 * it believes that access to it is really denied.
	 */
	private static final long PENDING_DELETION_WAIT_NANOS = 2_000_000_000L;

	private final Path path;

	private final FileChannel channel;

	private final FileLock lock;

	private final Object fileKey;

	private volatile boolean released;

	private PidFileLock(Path path, FileChannel channel, FileLock lock, Object fileKey) {
		this.path = path;
		this.channel = channel;
		this.lock = lock;
		this.fileKey = fileKey;
	}

	/**
	 * Creates or reclaims the PID file, locks it and writes the PID into it. A shutdown
	 * hook removes it when the JVM exits in an orderly way.
	 * @param pidFile absolute path of the PID file
	 * @param pid the PID to write
	 * @return the held PID file
	 * @throws AlreadyRunningError if a live process holds the lock
	 * @throws PidFileError if the file cannot be created, locked or written
	 */
	public static PidFileLock acquire(Path pidFile, long pid) {
		Path path = pidFile.toAbsolutePath().normalize();
		if (HELD.containsKey(path)) {
			throw new AlreadyRunningError(path, ProcessHandle.current().pid());
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<PidFileLock> acquired = tryAcquireAfterPendingDeletion(path);
			if (acquired.isPresent()) {
				PidFileLock held = acquired.get();
				held.write(pid);
				HELD.put(path, held);
				Runtime.getRuntime().addShutdownHook(new Thread(held::close, "daemoniker-pid-file-removal"));
				return held;
			}
		}
		throw new PidFileError(path, "cannot take " + path + ": it kept being replaced by other processes");
	}

	/**
	 * Returns the PID file that this process holds at a path, if it holds one.
	 * @param pidFile the path
	 * @return the held PID file, or empty
	 */
	public static Optional<PidFileLock> heldByThisProcess(Path pidFile) {
		return Optional.ofNullable(HELD.get(pidFile.toAbsolutePath().normalize()));
	}

	/**
	 * Returns the PID file this process holds, if it holds exactly one. A daemon started
	 * in another directory may name its PID file by a relative path that no longer
	 * resolves to the file it holds.
	 * @return the only held PID file, or empty
	 */
	public static Optional<PidFileLock> onlyHeld() {
		List<PidFileLock> held = List.copyOf(HELD.values());
		return (held.size() == 1) ? Optional.of(held.get(0)) : Optional.empty();
	}

	/**
	 * One attempt, which on Windows waits out a deletion in progress for a short while:
	 * under the legacy delete semantics that some Windows file systems still have, a
	 * removed file stays until the last process that had it open closes it (the daemon
	 * that just stopped, say), and meanwhile every attempt to create or open it is
	 * denied.
	 */
	private static Optional<PidFileLock> tryAcquireAfterPendingDeletion(Path path) {
		long deadline = System.nanoTime() + PENDING_DELETION_WAIT_NANOS;
		while (true) {
			try {
				return tryAcquire(path);
			}
			catch (PidFileError ex) {
				if (!LOCK_BEYOND_CONTENT || !(ex.getCause() instanceof AccessDeniedException)
						|| System.nanoTime() - deadline >= 0) {
					throw ex;
				}
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PidFileError(path, "interrupted while waiting to create PID file " + path, ex);
			}
		}
	}

	/**
	 * One attempt: open or create the file, lock it, and check that the path still names
	 * the file that was locked (another process may have removed it and created a new one
	 * in between, and only a lock on the file the path names counts).
	 */
	private static Optional<PidFileLock> tryAcquire(Path path) {
		FileChannel channel = null;
		try {
			Object keyBefore;
			try {
				channel = FileChannel.open(path, createOptions());
				makeWorldReadable(path);
				keyBefore = fileKey(path);
			}
			catch (FileAlreadyExistsException ex) {
				keyBefore = fileKey(path);
				channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS);
			}
			FileLock lock = LOCK_BEYOND_CONTENT ? tryLockBeyondContent(channel) : tryLock(channel);
			if (lock == null) {
				long holder = PidFileContent.read(channel).orElse(-1L);
				channel.close();
				throw new AlreadyRunningError(path, holder);
			}
			if (!Objects.equals(keyBefore, fileKey(path))) {
				channel.close();
				return Optional.empty();
			}
			return Optional.of(new PidFileLock(path, channel, lock, keyBefore));
		}
		catch (NoSuchFileException ex) {
			closeQuietly(channel);
			return Optional.empty();
		}
		catch (FileSystemException ex) {
			closeQuietly(channel);
			throw new PidFileError(path, "cannot create PID file " + path + ": " + reason(ex)
					+ "; check that the directory exists and is writable and that the path is not a symbolic link", ex);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new PidFileError(path, "cannot create PID file " + path + ": " + ex.getMessage(), ex);
		}
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static @Nullable FileLock tryLockBeyondContent(FileChannel channel) throws IOException {
		for (int attempt = 1;; attempt++) {
			FileLock lock;
			try {
				lock = channel.tryLock(WINDOWS_LOCK_POSITION, 1, false);
			}
			catch (OverlappingFileLockException ex) {
				return null;
			}
			if (lock != null || attempt == WINDOWS_LOCK_TRIES) {
				return lock;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	private static OpenOption[] createOptions() {
		return new OpenOption[] { StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS };
	}

	private static void makeWorldReadable(Path path) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (view != null) {
			// Mode 0644 whatever the umask, so that other users can run status and stop.
			view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	private static Object fileKey(Path path) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (attributes.isSymbolicLink()) {
			throw new FileSystemException(path.toString(), null, "is a symbolic link");
		}
		Object key = attributes.fileKey();
		return (key != null) ? key : attributes.creationTime();
	}

	private static String reason(FileSystemException ex) {
		return (ex.getReason() != null) ? ex.getReason() : ex.getClass().getSimpleName();
	}

	/**
	 * Replaces the PID in the file, keeping the lock.
	 * @param pid the new PID
	 * @throws PidFileError if the file cannot be written
	 */
	public synchronized void write(long pid) {
		try {
			byte[] content = content(pid).getBytes(StandardCharsets.US_ASCII);
			// Written over the old PID, then cut to length, so that a reader never finds
			// the file empty: it changes on every signal on Windows.
			this.channel.write(ByteBuffer.wrap(content), 0);
			this.channel.truncate(content.length);
		}
		catch (IOException ex) {
			throw new PidFileError(this.path, "cannot write PID " + pid + " into " + this.path + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The PID, and on Windows when that process started: there the PID file names the
	 * daemon's signal sentinel, and a reader must tell it apart from a later process with
	 * the same PID (see {@link UnnamedHolder}).
	 */
	private static String content(long pid) {
		if (LOCK_BEYOND_CONTENT) {
			Optional<Instant> started = ProcessHandle.of(pid).flatMap((process) -> process.info().startInstant());
			if (started.isPresent()) {
				return PidFileContent.format(pid, started.get());
			}
		}
		return PidFileContent.format(pid);
	}

	/**
	 * Returns the path of the PID file.
	 * @return the absolute path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Returns whether this process still holds the PID file.
	 * @return {@code false} once {@link #close()} ran
	 */
	public boolean isHeld() {
		return !this.released;
	}

	/**
	 * Removes the PID file and then releases the lock. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.released) {
			return;
		}
		this.released = true;
		HELD.remove(this.path, this);
		try {
			// Remove only the file we locked: never a newer one that replaced it.
			if (Objects.equals(this.fileKey, fileKey(this.path))) {
				Files.deleteIfExists(this.path);
			}
		}
		catch (IOException ex) {
			// Already gone, or not ours any more: either way nothing to remove.
		}
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// Closing the channel below releases it all the same.
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing to be done about a failed close of a file we opened.
			}
		}
	}

}
