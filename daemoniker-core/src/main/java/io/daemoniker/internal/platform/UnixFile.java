/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * A file opened by descriptor on Unix, for PID files: never through a symbolic link at
 * the last component ({@code O_NOFOLLOW}), never blocking on a FIFO ({@code O_NONBLOCK}),
 * and not inherited by programs the process runs ({@code O_CLOEXEC}). What was opened is
 * then checked on the descriptor itself ({@link #stat()}), so that a file swapped in
 * between a check of the path and the open is seen.
 * <p>
 * Its lock is an {@code flock(2)} lock, which belongs to the open file description, not
 * to the process: unlike a POSIX {@code fcntl} lock, it survives when anything else in
 * the process opens and closes the same file, and ends only when this descriptor is
 * closed or the process dies.
 */
public final class UnixFile implements AutoCloseable {

	private final Path path;

	private int fd;

	private UnixFile(Path path, int fd) {
		this.path = path;
		this.fd = fd;
	}

	/**
	 * Creates a new file, failing if anything is at the path, even a dangling symbolic
	 * link ({@code O_CREAT|O_EXCL}).
	 * @param path the path
	 * @param mode the mode, which the umask narrows
	 * @return the file, open for reading and writing
	 * @throws FileAlreadyExistsException if something is at the path
	 * @throws IOException if it cannot be created
	 */
	public static UnixFile createNew(Path path, int mode) throws IOException {
		return open(path, UnixConstants.O_RDWR | UnixConstants.O_CREAT | UnixConstants.O_EXCL | UnixConstants.O_NOFOLLOW
				| UnixConstants.O_NONBLOCK | UnixConstants.O_CLOEXEC, mode);
	}

	/**
	 * Opens an existing file, not following a symbolic link at the last component and
	 * without blocking, whatever type of file it is.
	 * @param path the path
	 * @param write whether to open it for writing too
	 * @return the file
	 * @throws NoSuchFileException if nothing is at the path
	 * @throws FileSystemException with reason "is a symbolic link" for a symbolic link
	 * @throws IOException if it cannot be opened
	 */
	public static UnixFile openExisting(Path path, boolean write) throws IOException {
		int access = write ? UnixConstants.O_RDWR : UnixConstants.O_RDONLY;
		return open(path, access | UnixConstants.O_NOFOLLOW | UnixConstants.O_NONBLOCK | UnixConstants.O_CLOEXEC, 0);
	}

	/**
	 * Takes over a descriptor that this process inherited open on a file, such as one
	 * that holds the file's lock.
	 * @param path the file's path, for messages
	 * @param fd the descriptor
	 * @return the file
	 */
	public static UnixFile inherited(Path path, int fd) {
		return new UnixFile(path, fd);
	}

	private static UnixFile open(Path path, int flags, int mode) throws IOException {
		try {
			return new UnixFile(path, LibC.open(path.toString(), flags, mode));
		}
		catch (LastErrorException ex) {
			throw failure(path, ex.getErrorCode());
		}
	}

	/**
	 * Turns an error of {@code open} into the exception that Java's own file operations
	 * throw for it, so that callers handle both alike.
	 */
	static IOException failure(Path path, int errno) {
		if (errno == UnixConstants.ENOENT) {
			return new NoSuchFileException(path.toString());
		}
		if (errno == UnixConstants.EEXIST) {
			return new FileAlreadyExistsException(path.toString());
		}
		if (errno == UnixConstants.EACCES || errno == UnixConstants.EPERM) {
			return new AccessDeniedException(path.toString());
		}
		if (errno == UnixConstants.ELOOP) {
			return new FileSystemException(path.toString(), null, "is a symbolic link");
		}
		if (errno == UnixConstants.ENAMETOOLONG) {
			return new FileSystemException(path.toString(), null, "File name too long");
		}
		return new FileSystemException(path.toString(), null, LibC.describe(errno));
	}

	/**
	 * Returns what {@code fstat} says about the open file.
	 * @return its identity, type and size
	 * @throws IOException if it cannot be read
	 */
	public FileStat stat() throws IOException {
		return FileStat.ofDescriptor(checkedFd());
	}

	/**
	 * Reads the file from its start, at most a number of bytes.
	 * @param max the most bytes to read
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	public byte[] read(int max) throws IOException {
		byte[] buffer = new byte[max];
		int total = 0;
		try {
			while (total < max) {
				byte[] chunk = (total == 0) ? buffer : new byte[max - total];
				int read = (int) LibC.pread(checkedFd(), chunk, chunk.length, total);
				if (read <= 0) {
					break;
				}
				if (chunk != buffer) {
					System.arraycopy(chunk, 0, buffer, total, read);
				}
				total += read;
			}
		}
		catch (LastErrorException ex) {
			throw new FileSystemException(this.path.toString(), null,
					"cannot read: " + LibC.describe(ex.getErrorCode()));
		}
		return Arrays.copyOf(buffer, total);
	}

	/**
	 * Replaces the file's content: written over the old content, then cut to length, so
	 * that a reader never finds the file empty.
	 * @param content the new content
	 * @throws IOException if it cannot be written
	 */
	public void replaceContent(byte[] content) throws IOException {
		try {
			long written = LibC.pwrite(checkedFd(), content, content.length, 0);
			if (written != content.length) {
				throw new FileSystemException(this.path.toString(), null,
						"wrote " + written + " of " + content.length + " bytes");
			}
			LibC.ftruncate(this.fd, content.length);
		}
		catch (LastErrorException ex) {
			throw new FileSystemException(this.path.toString(), null,
					"cannot write: " + LibC.describe(ex.getErrorCode()));
		}
	}

	/**
	 * Sets the file's permission bits, whatever the umask.
	 * @param mode such as {@code 0644}
	 * @throws IOException if they cannot be set
	 */
	public void setMode(int mode) throws IOException {
		try {
			LibC.fchmod(checkedFd(), mode);
		}
		catch (LastErrorException ex) {
			throw new FileSystemException(this.path.toString(), null,
					"cannot set its permissions: " + LibC.describe(ex.getErrorCode()));
		}
	}

	/**
	 * Takes an exclusive {@code flock} lock without waiting.
	 * @return {@code true} if taken, {@code false} if another open file holds a lock
	 * @throws IOException if the lock cannot be taken for another reason
	 */
	public boolean tryLockExclusive() throws IOException {
		try {
			LibC.flock(checkedFd(), UnixConstants.LOCK_EX | UnixConstants.LOCK_NB);
			return true;
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == UnixConstants.EWOULDBLOCK) {
				return false;
			}
			throw new FileSystemException(this.path.toString(), null,
					"cannot lock: " + LibC.describe(ex.getErrorCode()));
		}
	}

	/**
	 * Calls {@code fcntl} on the descriptor with a pointer argument.
	 * @param command the command
	 * @param argument its argument
	 * @throws IOException if it fails
	 */
	void fcntl(int command, Pointer argument) throws IOException {
		try {
			LibC.fcntl(checkedFd(), command, argument);
		}
		catch (LastErrorException ex) {
			throw new FileSystemException(this.path.toString(), null,
					"cannot query its lock: " + LibC.describe(ex.getErrorCode()));
		}
	}

	private int checkedFd() throws IOException {
		if (this.fd < 0) {
			throw new FileSystemException(this.path.toString(), null, "is closed");
		}
		return this.fd;
	}

	/**
	 * Closes the descriptor, which releases its lock. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.fd >= 0) {
			try {
				LibC.close(this.fd);
			}
			catch (LastErrorException ex) {
				// The descriptor is released even when close reports an error.
			}
			this.fd = -1;
		}
	}

}
