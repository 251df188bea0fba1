/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.daemoniker.internal.platform.DirectoryTrust;

/**
 * The launcher's private directory for one start that the shell prepares: it holds the
 * launch request, written before anything starts, and the FIFO through which the daemon
 * confirms, which the intermediate shell makes. Made with mode {@code 0700} in the
 * temporary directory, and only where no other user can change that directory or any
 * above it ({@link DirectoryTrust}): one that others may write in must have the sticky
 * bit, or another user could rename the private directory away and put one of their own
 * in its place.
 * <p>
 * Public for the three parties of such a start: the launcher's {@code Launcher} makes it,
 * the spawner's {@code ShellStart} hands it to the shell, and the daemon's
 * {@code PreparedStart} reads the request from it.
 */
public final class StartDirectory implements AutoCloseable {

	public static final String REQUEST = "request";

	public static final String STATUS = "status";

	private final Path path;

	private StartDirectory(Path path) {
		this.path = path;
	}

	/**
	 * Makes the directory in the temporary directory and writes the request into it.
	 * @param temporary the temporary directory
	 * @param request the encoded launch request
	 * @return the directory, or empty where none can be made safely (the start is then
	 * prepared by the daemon itself)
	 */
	public static Optional<StartDirectory> create(Path temporary, byte[] request) {
		Path made = null;
		try {
			if (!isSafeParent(temporary)) {
				return Optional.empty();
			}
			made = makePrivateDirectory(temporary);
			Files.write(made.resolve(REQUEST), request, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
					LinkOption.NOFOLLOW_LINKS);
			return Optional.of(new StartDirectory(made));
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			if (made != null) {
				new StartDirectory(made).close();
			}
			return Optional.empty();
		}
	}

	/**
	 * Makes a directory of mode {@code 0700} with a random name. The name comes from the
	 * kernel's random generator, as the handshake token does, and not from
	 * {@link Files#createTempDirectory}, whose first use sets up a {@code SecureRandom}
	 * and its providers in every launch (docs/performance.md, section 8, has what that
	 * costs).
	 */
	private static Path makePrivateDirectory(Path temporary) throws IOException {
		FileAttribute<Set<PosixFilePermission>> privateMode = PosixFilePermissions
			.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
		for (int attempt = 1;; attempt++) {
			try {
				return Files.createDirectory(temporary.resolve("daemoniker-" + Handshake.newToken()), privateMode);
			}
			catch (FileAlreadyExistsException ex) {
				// 96 random bits make a second clash all but impossible; a tenth means
				// that something else is going on.
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private static boolean isSafeParent(Path temporary) throws IOException {
		OptionalLong uid = DirectoryTrust.effectiveUid();
		return uid.isPresent() && DirectoryTrust.othersCannotChange(temporary.toRealPath(), uid.getAsLong());
	}

	public Path path() {
		return this.path;
	}

	public Path status() {
		return this.path.resolve(STATUS);
	}

	/**
	 * Removes the request, the FIFO and the directory, whichever are still there. The
	 * daemon removes the request as soon as it has read it.
	 */
	@Override
	public void close() {
		for (Path file : new Path[] { this.path.resolve(REQUEST), status(), this.path }) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A directory that is not empty holds something this start did not put
				// there: it is left as it is.
			}
		}
	}

}
