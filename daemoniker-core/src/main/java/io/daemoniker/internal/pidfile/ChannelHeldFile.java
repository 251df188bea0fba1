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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.daemoniker.AlreadyRunningException;
import io.daemoniker.PidFileException;
import org.jspecify.annotations.Nullable;

/**
 * A PID file held on Windows, through a {@link FileChannel}. A Windows lock is mandatory,
 * and nobody else could read a locked byte, so only the byte at
 * {@link PidFileLock#WINDOWS_LOCK_POSITION}, far past the content, is locked:
 * {@code status} and {@code send} read the PID and probe that byte. Windows locks belong
 * to the handle, so opening and closing the file elsewhere in the process leaves it.
 */
final class ChannelHeldFile implements HeldFile {

	/**
	 * How often the daemon tries the lock before it believes another holds it: a
	 * {@code status} running at that moment holds it for an instant to probe it.
	 */
	private static final int LOCK_TRIES = 10;

	private final Path path;

	private final FileChannel channel;

	private final FileLock lock;

	private final Object fileKey;

	private ChannelHeldFile(Path path, FileChannel channel, FileLock lock, Object fileKey) {
		this.path = path;
		this.channel = channel;
		this.lock = lock;
		this.fileKey = fileKey;
	}

	/**
	 * One attempt: open or create the file, lock it, check that the path still names the
	 * file that was locked, and accept an existing file only if it is a stale PID file.
	 * @param path the resolved path
	 * @param streams the daemon's stream targets, which must not be this file
	 * @return the held file, or empty when the caller should try again
	 */
	static Optional<HeldFile> tryAcquire(Path path, Map<String, Path> streams) {
		FileChannel channel = null;
		try {
			Object keyBefore;
			boolean created;
			try {
				channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
						StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
				keyBefore = fileKey(path);
				created = true;
			}
			catch (FileAlreadyExistsException ex) {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (!attributes.isRegularFile()) {
					throw new PidFileException(path, "PID file " + path
							+ " is not a regular file, which a PID file always is: it was left as it is; choose another path");
				}
				keyBefore = fileKey(path);
				channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS);
				created = false;
			}
			FileLock lock = tryLockBeyondContent(channel);
			if (lock == null) {
				long holder = PidFileContent.read(channel).orElse(-1L);
				channel.close();
				throw new AlreadyRunningException(path, holder);
			}
			if (!Objects.equals(keyBefore, fileKey(path))) {
				channel.close();
				return Optional.empty();
			}
			ChannelHeldFile held = new ChannelHeldFile(path, channel, lock, keyBefore);
			if (!created) {
				byte[] sample = PidFileContent.sample(channel);
				if (!PidFileContent.isReclaimable(sample, channel.size())) {
					long size = channel.size();
					held.release();
					throw Refusals.notReclaimable(path, sample, size);
				}
			}
			for (Map.Entry<String, Path> stream : streams.entrySet()) {
				if (held.isReachedThrough(stream.getValue())) {
					// Removed while still locked, as on close, so that no other process
					// takes it in between.
					if (created) {
						Files.deleteIfExists(path);
					}
					held.release();
					throw Refusals.sameAsStream(path, stream.getKey(), stream.getValue());
				}
			}
			return Optional.of(held);
		}
		catch (NoSuchFileException ex) {
			closeQuietly(channel);
			return Optional.empty();
		}
		catch (FileSystemException ex) {
			closeQuietly(channel);
			throw Refusals.cannotCreate(path, ex);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw Refusals.cannotCreate(path, ex);
		}
	}

	private static @Nullable FileLock tryLockBeyondContent(FileChannel channel) throws IOException {
		for (int attempt = 1;; attempt++) {
			FileLock lock;
			try {
				lock = channel.tryLock(PidFileLock.WINDOWS_LOCK_POSITION, 1, false);
			}
			catch (OverlappingFileLockException ex) {
				return null;
			}
			if (lock != null || attempt == LOCK_TRIES) {
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

	private static Object fileKey(Path path) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (attributes.isSymbolicLink()) {
			throw new FileSystemException(path.toString(), null, "is a symbolic link");
		}
		Object key = attributes.fileKey();
		return (key != null) ? key : attributes.creationTime();
	}

	@Override
	public void replaceContent(byte[] content) throws IOException {
		this.channel.write(ByteBuffer.wrap(content), 0);
		this.channel.truncate(content.length);
	}

	@Override
	public boolean isNamedBy(Path path) {
		try {
			return Objects.equals(this.fileKey, fileKey(path));
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public boolean isReachedThrough(Path path) {
		try {
			return Files.exists(path) && Files.isSameFile(path, this.path);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void release() {
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
