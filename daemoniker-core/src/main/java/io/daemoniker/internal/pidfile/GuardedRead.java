/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.FileStat;
import org.jspecify.annotations.Nullable;

/**
 * Reads the start of a file that {@code lstat} has just found to be a regular file, with
 * Java's own file channel and no native code, so that {@code status} loads no native
 * library on Linux.
 * <p>
 * Java cannot open a file with {@code O_NONBLOCK}, nor {@code fstat} what it opened, so
 * each harm that a file swapped in after the check could do is met another way:
 * <ul>
 * <li>A symbolic link is not followed ({@code O_NOFOLLOW}, which the channel passes for
 * {@link LinkOption#NOFOLLOW_LINKS}): the open fails.</li>
 * <li>A FIFO would block the open until a writer comes: the open runs on a thread of its
 * own, which the caller waits for a bounded time only. A regular file never blocks an
 * open, so only a swap meets that limit; an abandoned thread closes whatever it opens at
 * once, unread. Each such swap leaves one idle thread waiting for a writer, which is what
 * keeps the caller from waiting with it.</li>
 * <li>The bytes are read with positional reads ({@code pread}), which fail on FIFOs,
 * sockets and terminals instead of taking data from them.</li>
 * <li>The path is checked again after the read: if it no longer names the file that was
 * checked before, the bytes may be another file's, and the read is refused.</li>
 * </ul>
 * When a file of another type has taken the path's place by the time an open failed or
 * did not return, that type is reported, as a check on a descriptor would have found. A
 * device swapped in is opened, as {@code O_NONBLOCK} would open it too; only root can put
 * one there, since other users can neither create device nodes nor hard-link those on
 * another file system. Whatever was read, a PID is trusted only when it is the holder of
 * the lock on the file that was checked, which {@code /proc/locks} names by device and
 * inode: bytes taken from a swapped-in file can make a PID file look untrusted, never
 * make another process look like its daemon.
 */
final class GuardedRead {

	/**
	 * How long to wait for an open that should not block at all: far beyond any open of a
	 * regular file, short enough for an operator at a prompt.
	 */
	static final Duration OPEN_PATIENCE = Duration.ofSeconds(2);

	private GuardedRead() {
	}

	/**
	 * Reads the first {@link PidFileContent#SAMPLE_LENGTH} bytes of a file.
	 * @param path the path
	 * @param checked what {@code lstat} said about it just before: a regular file
	 * @return the bytes and the size of the file that was checked, or, when a file of
	 * another type has taken its place, that type
	 * @throws FileSystemException if it was replaced by another regular file, or did not
	 * open in time
	 * @throws java.nio.file.NoSuchFileException if it was removed in between
	 * @throws IOException if it cannot be read
	 */
	static PidFileSnapshot read(Path path, FileStat checked) throws IOException {
		return read(path, checked, OPEN_PATIENCE);
	}

	static PidFileSnapshot read(Path path, FileStat checked, Duration patience) throws IOException {
		AtomicBoolean abandoned = new AtomicBoolean();
		// A FutureTask, not a CompletableFuture, whose class loads the fork-join pool.
		FutureTask<Sample> result = new FutureTask<>(new Reader(path, abandoned));
		Thread reader = new Thread(result, "daemoniker-pid-file-read");
		reader.setDaemon(true);
		reader.start();
		Sample sample;
		try {
			sample = result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			abandoned.set(true);
			// Ends a read that blocks; an open that blocks cannot be interrupted and is
			// closed by the reader itself once it returns.
			reader.interrupt();
			Optional<PidFileSnapshot> swapped = notRegularNow(path);
			if (swapped.isPresent()) {
				return swapped.get();
			}
			throw new FileSystemException(path.toString(), null, "did not open within " + patience.toMillis()
					+ " ms, as no regular file does: something that blocks (a FIFO) was put there; check the path");
		}
		catch (InterruptedException ex) {
			abandoned.set(true);
			reader.interrupt();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading " + path);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				// A symbolic link put there fails the open (ELOOP) with a message that
				// does not say so: name what is there now, as a descriptor would have.
				Optional<PidFileSnapshot> swapped = notRegularNow(path);
				if (swapped.isPresent()) {
					return swapped.get();
				}
				throw io;
			}
			throw new IOException("cannot read " + path + ": " + ex.getCause(), ex.getCause());
		}
		if (!checked.isNamedBy(path)) {
			throw new FileSystemException(path.toString(), null,
					"was replaced by another file while it was being read; try again");
		}
		return new PidFileSnapshot(FileKind.REGULAR, sample.bytes(), sample.size(), checked);
	}

	private static Optional<PidFileSnapshot> notRegularNow(Path path) throws IOException {
		Optional<FileStat> now = FileStat.ofIfExists(path, LinkOption.NOFOLLOW_LINKS);
		if (now.isPresent() && now.get().kind() != FileKind.REGULAR) {
			return Optional.of(new PidFileSnapshot(now.get().kind(), new byte[0], 0, null));
		}
		return Optional.empty();
	}

	/**
	 * Opens and reads the file on the reader thread. A class rather than a lambda: the
	 * first lambda of a JVM costs it the start of its lambda machinery.
	 */
	private static final class Reader implements Callable<@Nullable Sample> {

		private final Path path;

		private final AtomicBoolean abandoned;

		Reader(Path path, AtomicBoolean abandoned) {
			this.path = path;
			this.abandoned = abandoned;
		}

		@Override
		public @Nullable Sample call() throws IOException {
			try (FileChannel channel = FileChannel.open(this.path, StandardOpenOption.READ,
					LinkOption.NOFOLLOW_LINKS)) {
				if (this.abandoned.get()) {
					return null;
				}
				return new Sample(PidFileContent.sample(channel), channel.size());
			}
		}

	}

	/**
	 * What the reader thread read.
	 *
	 * @param bytes the first bytes
	 * @param size the size of the opened file
	 */
	private record Sample(byte[] bytes, long size) {

	}

}
