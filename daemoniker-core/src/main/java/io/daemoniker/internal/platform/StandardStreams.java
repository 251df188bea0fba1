/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Points standard output and error at files, appended to: when the daemon redirects its
 * streams at start-up, and when it reopens them. After {@code logrotate} renamed a log,
 * the process still writes to the renamed file through its open descriptor; reopening the
 * path creates a new file there and points descriptors 1 and 2 at it, so that
 * {@code System.out} and {@code System.err}, which write to those descriptors, continue
 * in the new file.
 */
public final class StandardStreams {

	private static final Object LOCK = new Object();

	private StandardStreams() {
	}

	/**
	 * Opens the files (appending, created when missing, under the process's umask) and
	 * puts them in place of standard output and error. Everything is opened before
	 * anything is replaced, so a file that cannot be opened leaves both streams as they
	 * were.
	 * @param stdout file for standard output, or {@code null} to leave it
	 * @param stderr file for standard error, or {@code null} to leave it; may equal
	 * {@code stdout}
	 * @throws IOException if a file cannot be opened or put in place, or on Windows
	 */
	public static void reopen(@Nullable Path stdout, @Nullable Path stderr) throws IOException {
		if (!OperatingSystem.current().isUnix()) {
			// Windows has no dup2 for the handles the JVM took at start-up, and a file
			// that a process writes to cannot be renamed away under it there.
			throw new IOException("cannot reopen the standard streams on Windows, which has no dup2 for the handles"
					+ " the JVM writes to; rotate the log files with a tool that copies and truncates them, or"
					+ " let the application's logging rotate its own files");
		}
		synchronized (LOCK) {
			int flags = UnixConstants.O_WRONLY | UnixConstants.O_CREAT | UnixConstants.O_APPEND;
			int out = -1;
			int err = -1;
			try {
				out = (stdout != null) ? open(stdout, flags) : -1;
				err = (stderr == null) ? -1 : (stderr.equals(stdout) ? out : open(stderr, flags));
				System.out.flush();
				System.err.flush();
				if (out != -1) {
					LibC.dup2(out, 1);
				}
				if (err != -1) {
					LibC.dup2(err, 2);
				}
			}
			catch (LastErrorException ex) {
				throw new IOException("cannot put the reopened files in place: " + LibC.describe(ex.getErrorCode()),
						ex);
			}
			finally {
				close(out);
				if (err != out) {
					close(err);
				}
			}
		}
	}

	private static int open(Path path, int flags) throws IOException {
		try {
			return LibC.open(path.toString(), flags, 0666);
		}
		catch (LastErrorException ex) {
			int errno = ex.getErrorCode();
			String hint = "";
			if (errno == UnixConstants.EACCES) {
				hint = "; make it writable for the user the daemon runs as, or choose another file";
			}
			else if (errno == UnixConstants.ENOENT) {
				hint = "; create its directory first";
			}
			else if (errno == UnixConstants.EISDIR) {
				hint = "; give a file, not a directory";
			}
			throw new IOException("cannot open " + path + ": " + LibC.describe(errno) + hint, ex);
		}
	}

	private static void close(int fd) {
		if (fd > 2) {
			try {
				LibC.close(fd);
			}
			catch (LastErrorException ex) {
				// The duplicate on 1 or 2 is what matters; nothing to do about this one.
			}
		}
	}

}
