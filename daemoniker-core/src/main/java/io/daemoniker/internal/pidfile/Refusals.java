/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.pidfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.daemoniker.PidFileException;
import io.daemoniker.internal.platform.FileKind;
import io.daemoniker.internal.platform.KernelPaths;

/**
 * The errors of taking a PID file, each one line that names the path, what was found and
 * what to do. Each is thrown before anything at the path was written or removed.
 */
final class Refusals {

	private static final String LEFT = "it was left as it is";

	private Refusals() {
	}

	static PidFileException notReclaimable(Path path, byte[] sample, long size) {
		return new PidFileException(path,
				"PID file " + path + " holds " + PidFileContent.describe(sample, size)
						+ ", not a PID: it is not a stale PID file, so " + LEFT
						+ "; remove it if it is not needed, or choose another PID file");
	}

	static PidFileException notRegular(Path path, FileKind kind) {
		return new PidFileException(path, "PID file " + path + " is " + kind.description()
				+ ", not a regular file, which a PID file always is: " + LEFT + "; choose another path");
	}

	static PidFileException symbolicLink(Path path) {
		String target;
		try {
			target = " to " + Files.readSymbolicLink(path);
		}
		catch (IOException | UnsupportedOperationException ex) {
			target = "";
		}
		return new PidFileException(path, "PID file " + path + " is a symbolic link" + target
				+ ", which a PID file never is: " + LEFT + "; give the real path instead, or remove the link");
	}

	static PidFileException sameAsStream(Path path, String stream, Path target) {
		return new PidFileException(path, "PID file " + path + " is the same file as the daemon's " + stream + " ("
				+ target + "): nothing was written to it; give the PID file and the log files different paths");
	}

	static PidFileException foreignLocks(Path path, String locks) {
		return new PidFileException(path, "PID file " + path + " is locked by another program (" + locks
				+ "), not as a daemon locks its PID file: " + LEFT + "; stop that program or choose another PID file");
	}

	static PidFileException lockedForeign(Path path, byte[] sample, long size) {
		return new PidFileException(path,
				"PID file " + path + " is locked by a live process but holds " + PidFileContent.describe(sample, size)
						+ ", not a PID: it is not a daemon's PID file; " + LEFT + "; choose another PID file");
	}

	static PidFileException cannotCreate(Path path, IOException ex) {
		Path parent = (path.getParent() != null) ? path.getParent() : path;
		if (ex instanceof AccessDeniedException) {
			return new PidFileException(path,
					"cannot create PID file " + path + ": permission denied; run as a user who" + " may write to "
							+ parent + " and the file, or choose another directory",
					ex);
		}
		String reason = (ex instanceof FileSystemException fse && fse.getReason() != null) ? fse.getReason() : "";
		if (reason.contains("File name too long")) {
			return new PidFileException(path, "cannot create PID file " + path
					+ ": the path is longer than this system allows; choose a shorter one", ex);
		}
		return new PidFileException(path, "cannot create PID file " + path + ": " + KernelPaths.whyUnusable(parent, ex)
				+ "; check that the directory exists and is writable", ex);
	}

}
