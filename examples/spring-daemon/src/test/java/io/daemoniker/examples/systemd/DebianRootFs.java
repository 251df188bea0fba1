/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.systemd;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Debian root file system for a systemd container, built once with {@code mmdebstrap}
 * and kept in a cache directory named after everything that goes into it (suite, variant,
 * packages, mirror), so that a second run finds it ready and a changed package list
 * builds a new one. Containers boot it with {@code --volatile=overlay}, so it is never
 * changed by a test.
 */
final class DebianRootFs {

	/**
	 * What a container needs for the operations guide's units: systemd as PID 1 and the
	 * journal, a Java 17 runtime at {@code /usr/bin/java}, {@code ps}, {@code kill} and
	 * {@code useradd}.
	 */
	static final List<String> PACKAGES = List.of("systemd", "systemd-sysv", "dbus", "openjdk-17-jre-headless", "procps",
			"iproute2", "passwd");

	/** Where the root file systems are kept between runs. */
	static final Path CACHE = Path.of(System.getProperty("daemoniker.test.rootfs-cache", "/var/cache/daemoniker-test"));

	private static final String FALLBACK_MIRROR = "http://deb.debian.org/debian";

	private static final Pattern DEB822_URI = Pattern.compile("(?m)^URIs:\\s*(\\S+)");

	private static final Pattern ONE_LINE_URI = Pattern.compile("(?m)^deb\\s+(?:\\[[^]]*]\\s+)?(\\S+)\\s+\\S+");

	private final String suite;

	private final Path directory;

	private final String mirror;

	private DebianRootFs(String suite, String mirror) {
		this.suite = suite;
		this.mirror = mirror;
		this.directory = CACHE.resolve("rootfs-" + suite + "-" + key(suite, mirror));
	}

	/**
	 * Returns the root file system of a suite, built with the mirror this machine's apt
	 * uses for Debian.
	 * @param suite the Debian suite, {@code bookworm} or {@code trixie}
	 * @return the root file system, not yet built
	 */
	static DebianRootFs of(String suite) {
		return new DebianRootFs(suite, System.getProperty("daemoniker.test.debian-mirror", aptMirror()));
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Builds the root file system unless the cache holds it already. Concurrent builds of
	 * the same one wait for each other; a build that fails or is interrupted leaves only
	 * a partial directory, which the next build removes.
	 * @param log where {@code mmdebstrap}'s output goes
	 * @return whether it had to be built
	 * @throws IOException if {@code mmdebstrap} fails
	 * @throws InterruptedException if interrupted while building
	 */
	boolean ensureBuilt(Path log) throws IOException, InterruptedException {
		Files.createDirectories(CACHE);
		try (FileChannel lockFile = FileChannel.open(CACHE.resolve(".lock-" + this.directory.getFileName()),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
			if (Files.isRegularFile(this.directory.resolve("usr/lib/systemd/systemd"))) {
				return false;
			}
			Path partial = this.directory.resolveSibling(this.directory.getFileName() + ".partial");
			removeTree(partial);
			List<String> command = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase",
					"--include=" + String.join(",", PACKAGES), this.suite, partial.toString(), this.mirror));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			int exit;
			try {
				exit = process.waitFor();
			}
			finally {
				process.destroy();
			}
			if (exit != 0) {
				throw new IOException("mmdebstrap " + this.suite + " from " + this.mirror + " failed with exit code "
						+ exit + "; its output:\n" + Files.readString(log));
			}
			try {
				Files.move(partial, this.directory, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, this.directory);
			}
			return true;
		}
	}

	/**
	 * Reads the Debian mirror from this machine's apt sources, so the container's
	 * packages come from where the host's come from.
	 */
	static String aptMirror() {
		List<Path> sources = new ArrayList<>();
		sources.add(Path.of("/etc/apt/sources.list"));
		Path directory = Path.of("/etc/apt/sources.list.d");
		if (Files.isDirectory(directory)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.{list,sources}")) {
				entries.forEach(sources::add);
			}
			catch (IOException ex) {
				// Unreadable: fall back to the project's default mirror below.
			}
		}
		for (Path source : sources) {
			try {
				String text = Files.readString(source, StandardCharsets.UTF_8);
				Matcher matcher = (source.toString().endsWith(".sources") ? DEB822_URI : ONE_LINE_URI).matcher(text);
				while (matcher.find()) {
					String uri = matcher.group(1).replaceAll("/+$", "");
					if (uri.endsWith("/debian")) {
						return uri;
					}
				}
			}
			catch (IOException ex) {
				// Missing or unreadable: try the next one.
			}
		}
		return FALLBACK_MIRROR;
	}

	private static String key(String suite, String mirror) {
		String description = String.join("\n", "minbase", suite, mirror, String.join(",", PACKAGES));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void removeTree(Path path) throws IOException, InterruptedException {
		if (Files.exists(path)) {
			// A root file system holds device nodes and read-only directories; rm copes.
			Process rm = new ProcessBuilder("rm", "-rf", "--one-file-system", path.toString()).inheritIO().start();
			rm.waitFor();
		}
	}

	@Override
	public String toString() {
		return "Debian " + this.suite + " at " + this.directory;
	}

}
