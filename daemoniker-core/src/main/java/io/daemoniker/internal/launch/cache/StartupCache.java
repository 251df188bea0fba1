/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.daemoniker.internal.launch.LaunchSpec;
import io.daemoniker.internal.launch.commandline.JavaCommandLine;

/**
 * The daemon's start-up cache: a dynamic CDS archive that the daemon's own runs make (see
 * {@code DaemonizeOptions.Builder.startupCache(boolean)}). This class chooses the file
 * and the JVM options that make or use it, and decides in the launcher, before the daemon
 * starts, whether an archive found there may be used.
 * <p>
 * The JVM of JDK 17 crashes on a truncated archive (one whose writer was killed, say)
 * instead of ignoring it, so no archive reaches a daemon unchecked: an archive written
 * since the last check is first mapped by a short {@code java -Xshare:on ... -version},
 * which fails on anything the JVM cannot use, and the size, time and file key of the
 * archive that passed are kept in a file beside it; an archive that no longer matches
 * them is checked again. Any problem costs one line on standard error and a start without
 * the archive, never a failed start.
 * <p>
 * Public for the launcher's {@code Launcher}, which applies it to the daemon's command
 * line; the rest of the package is its own.
 */
public final class StartupCache {

	private static final String CDS_SUFFIX = ".jsa";

	private static final String AOT_SUFFIX = ".aot";

	private static final String AOT_CONFIGURATION_SUFFIX = ".aotconf";

	/** Marks an application whose AOT cache could not be made: it keeps to CDS. */
	private static final String AOT_FAILED_SUFFIX = ".aot-failed";

	private static final String CHECKED_SUFFIX = ".checked";

	/** JVM options by which the application chooses its own archive or cache. */
	private static final List<String> OWN_CHOICES = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
			"-XX:+AutoCreateSharedArchive", "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTCacheOutput", "-XX:AOTConfiguration",
			"-Xshare:off", "-XX:DumpLoadedClassList");

	/** The cache's files, without their suffixes. */
	private final Path base;

	private final int feature;

	private final CacheJvm jvm;

	private StartupCache(Path base, int feature, CacheJvm jvm) {
		this.base = base;
		this.feature = feature;
		this.jvm = jvm;
	}

	/**
	 * Adds the options of the start-up cache to the daemon's command line, when the start
	 * asks for one and it can be had safely.
	 * @param commandLine the daemon's command line
	 * @param pidFile the absolute PID file
	 * @param workingDirectory the launcher's working directory
	 * @param spec what the start asks for
	 * @return the command line, with the cache's options after the executable
	 */
	public static JavaCommandLine apply(JavaCommandLine commandLine, Path pidFile, Path workingDirectory,
			LaunchSpec spec) {
		if (!spec.startupCache()) {
			return commandLine;
		}
		List<String> jvmOptions = commandLine.command().subList(1, commandLine.applicationArgumentsStart());
		if (jvmOptions.stream().anyMatch((option) -> OWN_CHOICES.stream().anyMatch(option::startsWith))) {
			return commandLine;
		}
		Optional<Path> directoryOnClassPath = CacheKey.classPathFiles().stream().filter(Files::isDirectory).findFirst();
		if (directoryOnClassPath.isPresent()) {
			// The JVM would refuse to write the archive, and end with status 1.
			note("no start-up cache: the class path holds the directory " + directoryOnClassPath.get()
					+ ", which a CDS archive cannot hold; package the classes in a jar");
			return commandLine;
		}
		Path configured = spec.startupCacheDirectory();
		Path directory = (configured != null) ? workingDirectory.resolve(configured) : pidFile.getParent();
		Optional<String> refusal = CacheTrust.refusal(directory);
		if (refusal.isPresent()) {
			note("no start-up cache: " + refusal.get());
			return commandLine;
		}
		String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
		StartupCache cache = new StartupCache(directory.resolve(name + "-" + CacheKey.of(jvmOptions)),
				Runtime.version().feature(), new CacheJvm(spec.jvmOptions()));
		Optional<String> foreign = cache.files()
			.stream()
			.map(CacheTrust::foreign)
			.flatMap(Optional::stream)
			.findFirst();
		if (foreign.isPresent()) {
			note("no start-up cache: " + foreign.get());
			return commandLine;
		}
		return commandLine.withLeadingOptions(cache.jvmOptions());
	}

	private Path file(String suffix) {
		return this.base.resolveSibling(this.base.getFileName() + suffix);
	}

	private List<Path> files() {
		return List.of(file(CDS_SUFFIX), file(AOT_SUFFIX), file(AOT_CONFIGURATION_SUFFIX));
	}

	private List<String> jvmOptions() {
		if (this.feature >= 25 && !Files.exists(file(AOT_FAILED_SUFFIX))) {
			Optional<List<String>> aot = aotOptions();
			if (aot.isPresent()) {
				return aot.get();
			}
		}
		Path archive = file(CDS_SUFFIX);
		boolean usable = usable(archive, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
		if (this.feature >= 19) {
			// The JVM ignores an archive it cannot use and makes a new one at exit; the
			// check above has said what matters, so its own lines are not needed.
			return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
					"-Xlog:cds+dynamic=off");
		}
		return List.of(usable ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
	}

	/**
	 * Returns the options of JDK 25's AOT cache: made in two steps, as no JVM of its own
	 * is left running after the daemon's. The daemon records its configuration when it
	 * exits; the next launcher makes the cache from it before it starts the daemon, which
	 * uses it. If that fails once (a JVM option that the cache does not support, say),
	 * this application keeps to the CDS archive.
	 * @return the options, or nothing to use the CDS archive instead
	 */
	private Optional<List<String>> aotOptions() {
		Path cache = file(AOT_SUFFIX);
		Path configuration = file(AOT_CONFIGURATION_SUFFIX);
		List<String> use = List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
		if (usable(cache, List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache))) {
			return Optional.of(use);
		}
		if (!Files.exists(configuration)) {
			return Optional.of(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration));
		}
		Path partial = file(AOT_SUFFIX + ".partial");
		boolean made = this.jvm.succeeds(
				List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + partial));
		try {
			Files.deleteIfExists(configuration);
			if (made) {
				Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				markChecked(cache);
				return Optional.of(use);
			}
			Files.deleteIfExists(partial);
			Files.writeString(file(AOT_FAILED_SUFFIX), "", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			note("cannot keep the start-up cache in " + this.base.getParent() + ": " + ex.getMessage());
		}
		note("cannot make the AOT cache " + cache + " from the daemon's last run; using a CDS archive instead");
		return Optional.empty();
	}

	/**
	 * Tells whether a cache file may be given to the daemon; removes one that the JVM
	 * cannot use, so that the daemon makes it again.
	 * @param file the archive or cache
	 * @param use the options that make a JVM use it or fail
	 */
	private boolean usable(Path file, List<String> use) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			// None yet: the daemon makes it.
			return false;
		}
		try {
			if (fingerprint(attributes).equals(Files.readString(checked(file), StandardCharsets.UTF_8))) {
				return true;
			}
		}
		catch (IOException ex) {
			// Not checked yet.
		}
		List<String> probe = new ArrayList<>(use);
		probe.add("-version");
		if (this.jvm.succeeds(probe)) {
			markChecked(file);
			return true;
		}
		note("start-up cache " + file + " cannot be used (left by a daemon that was killed while writing it, "
				+ "or damaged); starting without it and making it again");
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(checked(file));
		}
		catch (IOException ex) {
			note("cannot remove " + file + ": " + ex.getMessage());
		}
		return false;
	}

	private static Path checked(Path file) {
		return file.resolveSibling(file.getFileName() + CHECKED_SUFFIX);
	}

	private static void markChecked(Path file) {
		try {
			Files.writeString(checked(file),
					fingerprint(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			// It is checked again next time.
		}
	}

	private static String fingerprint(BasicFileAttributes attributes) {
		return attributes.size() + " " + attributes.lastModifiedTime().toMillis() + " " + attributes.fileKey();
	}

	private static void note(String text) {
		System.err.println("daemoniker: " + text);
	}

}
