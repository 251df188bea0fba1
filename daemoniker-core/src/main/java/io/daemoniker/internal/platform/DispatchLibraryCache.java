/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

/**
 * A copy of JNA's native library ({@code libjnidispatch.so}) kept between JVM starts, so
 * that JNA can load it through {@code jna.boot.library.path} instead of extracting it
 * from its jar to a new temporary file on every start (which also costs the JVM's first
 * {@code SecureRandom}, for the temporary file's name).
 * <p>
 * A library is code this process will run, so the copy is used only where no other user
 * can have put it or can change it: a directory of its own under the user's cache
 * directory ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), created with mode
 * {@code 0700}, named after JNA's version and the library's checksum. Before each use the
 * directory and the file must be owned by this process's user and writable by no one
 * else, every directory above them must be owned by this user or root and be writable by
 * no one else or be sticky (as {@code /tmp} is), none of them may be a symbolic link, and
 * the file's bytes must be exactly those in JNA's jar. When anything is off, no copy is
 * offered and JNA does what it always does.
 */
final class DispatchLibraryCache {

	private static final String FILE_NAME = "libjnidispatch.so";

	private DispatchLibraryCache() {
	}

	/**
	 * Returns the directory that holds a verified copy of JNA's native library for this
	 * platform, making the copy first if there is none.
	 * @param resource the library's resource path in JNA's jar, such as
	 * {@code com/sun/jna/linux-x86-64/libjnidispatch.so}
	 * @param version JNA's version
	 * @param loader the class loader that loads JNA
	 * @param environment the environment, for {@code XDG_CACHE_HOME}
	 * @return the directory, or empty when no copy can be used safely
	 */
	static Optional<Path> directoryFor(String resource, String version, ClassLoader loader,
			Map<String, String> environment) {
		try {
			byte[] library = read(resource, loader);
			if (library == null || !isVersionName(version)) {
				return Optional.empty();
			}
			OptionalLong uid = DirectoryTrust.effectiveUid();
			Optional<Path> base = cacheBase(environment);
			// The cache directory may be made, but not the home directory above it: a
			// system user's home is often a placeholder such as /nonexistent.
			if (uid.isEmpty() || base.isEmpty() || base.get().getParent() == null
					|| !Files.isDirectory(base.get().getParent(), LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			CRC32 checksum = new CRC32();
			checksum.update(library);
			Path directory = base.get()
				.resolve("daemoniker")
				.resolve("jna-" + version + "-" + Long.toHexString(checksum.getValue()));
			return verifiedOrCreated(directory, library, uid.getAsLong()) ? Optional.of(directory) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// Any doubt: JNA extracts its library as it always does.
			return Optional.empty();
		}
	}

	/**
	 * Whether a version may be part of a directory's name: 1 to 40 letters, digits and
	 * {@code .+_-}. Checked by hand: a regular expression would start the JVM's regular
	 * expression engine in every {@code stop}.
	 */
	static boolean isVersionName(String version) {
		if (version.isEmpty() || version.length() > 40) {
			return false;
		}
		for (int i = 0; i < version.length(); i++) {
			char c = version.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.'
					|| c == '+' || c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static byte @Nullable [] read(String resource, ClassLoader loader) throws IOException {
		try (InputStream in = loader.getResourceAsStream(resource)) {
			return (in != null) ? in.readAllBytes() : null;
		}
	}

	static Optional<Path> cacheBase(Map<String, String> environment) {
		String xdg = environment.get("XDG_CACHE_HOME");
		// The specification ignores a relative XDG_CACHE_HOME.
		if (xdg != null && xdg.startsWith("/")) {
			return Optional.of(Path.of(xdg));
		}
		String home = System.getProperty("user.home");
		if (home == null || !home.startsWith("/")) {
			return Optional.empty();
		}
		return Optional.of(Path.of(home, ".cache"));
	}

	private static boolean verifiedOrCreated(Path directory, byte[] library, long uid) throws IOException {
		Path file = directory.resolve(FILE_NAME);
		if (!directory.equals(directory.toAbsolutePath().normalize()) || !privateDirectory(directory, uid)) {
			return false;
		}
		if (!holds(file, library, uid)) {
			write(file, library);
		}
		removeAbandonedCopies(directory);
		return holds(file, library, uid);
	}

	/**
	 * Removes the partial copies that a JVM which ended in the middle of its write left
	 * behind. Only those older than a minute: a write takes milliseconds, so a younger
	 * one may be another start's, still being written.
	 */
	private static void removeAbandonedCopies(Path directory) {
		long minuteAgo = System.currentTimeMillis() - 60_000;
		// The names are compared by hand: a glob would start the JVM's regular expression
		// engine on the way to every signal.
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(FILE_NAME + ".") && name.endsWith(".partial")
						&& Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toMillis() < minuteAgo) {
					Files.deleteIfExists(entry);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Left for the next start: a stale partial copy is never loaded.
		}
	}

	/**
	 * Makes sure that a directory is this user's alone, creating what is missing of it
	 * with mode {@code 0700}, but only below directories that nobody else can change:
	 * nothing is created where a symbolic link or another user's directory leads.
	 */
	private static boolean privateDirectory(Path directory, long uid) throws IOException {
		Deque<Path> missing = new ArrayDeque<>();
		Path existing = directory;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			missing.push(existing);
			existing = existing.getParent();
		}
		if (existing == null || (!missing.isEmpty() && !DirectoryTrust.othersCannotChange(existing, uid))) {
			return false;
		}
		while (!missing.isEmpty()) {
			Path next = missing.pop();
			try {
				Files.createDirectory(next,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (FileAlreadyExistsException ex) {
				// Made by another start at the same moment: checked like one made here.
			}
			if (!DirectoryTrust.isPrivate(next, uid)) {
				return false;
			}
		}
		return DirectoryTrust.isPrivate(directory, uid) && directory.getParent() != null
				&& DirectoryTrust.othersCannotChange(directory.getParent(), uid);
	}

	/**
	 * Returns whether a file is a regular file of this user that no one else may write,
	 * with exactly the library's bytes.
	 */
	private static boolean holds(Path file, byte[] library, long uid) throws IOException {
		if (!DirectoryTrust.isOwnFile(file, uid) || Files.size(file) != library.length) {
			return false;
		}
		byte[] present;
		try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			present = in.readNBytes(library.length + 1);
		}
		return Arrays.equals(present, library);
	}

	/**
	 * Writes the library beside its final name and renames it into place, so that no
	 * start ever loads a half-written copy.
	 */
	private static void write(Path file, byte[] library) throws IOException {
		Path partial = file.resolveSibling(FILE_NAME + "." + CurrentProcess.pid() + ".partial");
		Files.deleteIfExists(partial);
		try (SeekableByteChannel out = Files.newByteChannel(partial,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
			ByteBuffer bytes = ByteBuffer.wrap(library);
			while (bytes.hasRemaining()) {
				out.write(bytes);
			}
		}
		try {
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.deleteIfExists(partial);
		}
	}

}
