/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The kept copy of JNA's native library, on real directories: it is made private to the
 * user, used again only while nobody else can have changed it, and refused (so that JNA
 * extracts its library as usual) whenever a directory on the way could be another user's
 * or the copy differs from the jar's bytes.
 */
@EnabledOnOs(OS.LINUX)
class DispatchLibraryCacheTests {

	private static final String RESOURCE = "com/example/libjnidispatch.so";

	private static final byte[] LIBRARY = "\u007fELF not really a library, but bytes to keep".getBytes();

	@TempDir
	Path cache;

	@TempDir
	Path jar;

	private ClassLoader loader;

	private long uid;

	@BeforeEach
	void putTheLibraryOnAClassPath() throws IOException {
		Path resource = this.jar.resolve(RESOURCE);
		Files.createDirectories(resource.getParent());
		Files.write(resource, LIBRARY);
		this.loader = new URLClassLoader(new URL[] { this.jar.toUri().toURL() }, null);
		this.uid = DirectoryTrust.effectiveUid().orElseThrow();
	}

	@Test
	void makesAPrivateCopyNamedAfterTheVersionAndUsesItAgainUnchanged() throws IOException {
		Path directory = offered().orElseThrow();
		assertThat(directory.getParent()).isEqualTo(this.cache.resolve("daemoniker"));
		assertThat(directory.getFileName().toString()).startsWith("jna-5.19.1-");
		assertThat(Files.readAllBytes(directory.resolve("libjnidispatch.so"))).isEqualTo(LIBRARY);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("libjnidispatch.so"))))
			.isEqualTo("rw-------");
		Object inode = Files.getAttribute(directory.resolve("libjnidispatch.so"), "unix:ino");
		assertThat(offered()).hasValue(directory);
		assertThat(Files.getAttribute(directory.resolve("libjnidispatch.so"), "unix:ino")).isEqualTo(inode);
		try (var entries = Files.list(directory)) {
			assertThat(entries).containsExactly(directory.resolve("libjnidispatch.so"));
		}
	}

	@Test
	void aPartialCopyLeftByAnEndedJvmIsRemovedOnceAMinuteOldAndAYoungerOneIsLeft() throws IOException {
		Path directory = offered().orElseThrow();
		Path abandoned = Files.write(directory.resolve("libjnidispatch.so.4242.partial"), new byte[] { 1, 2 });
		Path writing = Files.write(directory.resolve("libjnidispatch.so.4243.partial"), new byte[] { 3 });
		Path unrelated = Files.write(directory.resolve("notes.partial"), new byte[] { 4 });
		FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 120_000);
		Files.setLastModifiedTime(abandoned, old);
		Files.setLastModifiedTime(unrelated, old);
		assertThat(offered()).hasValue(directory);
		assertThat(abandoned).doesNotExist();
		assertThat(writing).exists();
		assertThat(unrelated).exists();
		assertThat(directory.resolve("libjnidispatch.so")).hasBinaryContent(LIBRARY);
	}

	@Test
	void aCopyWhoseBytesDifferIsReplacedByTheJarsBytes() throws IOException {
		Path file = offered().orElseThrow().resolve("libjnidispatch.so");
		byte[] tampered = LIBRARY.clone();
		tampered[5] ^= 1;
		Files.write(file, tampered);
		assertThat(offered()).isPresent();
		assertThat(Files.readAllBytes(file)).isEqualTo(LIBRARY);
	}

	@Test
	void aCopyThatOthersMayWriteIsReplacedByAPrivateOne() throws IOException {
		Path directory = offered().orElseThrow();
		Path file = directory.resolve("libjnidispatch.so");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
		assertThat(offered()).hasValue(directory);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aCacheDirectoryThatOthersMayWriteIsRefusedAndLeftAsItIs() throws IOException {
		Path directory = offered().orElseThrow();
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(offered()).isEmpty();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwxrwxrwx");
	}

	@Test
	void aParentThatOthersMayWriteWithoutTheStickyBitIsRefused() throws IOException {
		Files.setPosixFilePermissions(this.cache, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(offered()).isEmpty();
		assertThat(this.cache.resolve("daemoniker")).doesNotExist();
	}

	@Test
	void aStickyParentThatOthersMayWriteIsAccepted() throws IOException {
		Files.setAttribute(this.cache, "unix:mode", 01777);
		assertThat(offered()).isPresent();
	}

	@Test
	void aSymbolicLinkOnTheWayIsRefused() throws IOException {
		Path elsewhere = Files.createDirectory(this.cache.resolve("elsewhere"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Files.createSymbolicLink(this.cache.resolve("daemoniker"), elsewhere);
		assertThat(offered()).isEmpty();
		try (var entries = Files.list(elsewhere)) {
			assertThat(entries).isEmpty();
		}
	}

	@Test
	void aDirectoryOfAnotherUserIsRefused() throws IOException {
		assumeThat(this.uid).as("chown to another user needs root").isZero();
		Path directory = offered().orElseThrow();
		Files.setAttribute(directory, "unix:uid", 65534);
		assertThat(offered()).isEmpty();
	}

	@Test
	void aFileInPlaceOfTheCopyThatIsASymbolicLinkIsNotFollowed() throws IOException {
		Path directory = offered().orElseThrow();
		Path file = directory.resolve("libjnidispatch.so");
		Path target = Files.write(this.cache.resolve("target.so"), LIBRARY);
		Files.delete(file);
		Files.createSymbolicLink(file, target);
		assertThat(offered()).hasValue(directory);
		assertThat(Files.isSymbolicLink(file)).isFalse();
		assertThat(Files.readAllBytes(file)).isEqualTo(LIBRARY);
	}

	@Test
	void nothingIsOfferedWithoutTheLibraryOrWithAnOddVersion() {
		assertThat(DispatchLibraryCache.directoryFor("com/example/missing.so", "5.19.1", this.loader,
				Map.of("XDG_CACHE_HOME", this.cache.toString())))
			.isEmpty();
		assertThat(DispatchLibraryCache.directoryFor(RESOURCE, "../../etc", this.loader,
				Map.of("XDG_CACHE_HOME", this.cache.toString())))
			.isEmpty();
		assertThat(this.cache.resolve("daemoniker")).doesNotExist();
	}

	@Test
	void aCacheDirectoryIsMadeOnlyInAHomeThatExists() {
		Path missingHome = this.cache.resolve("nonexistent");
		assertThat(DispatchLibraryCache.directoryFor(RESOURCE, "5.19.1", this.loader,
				Map.of("XDG_CACHE_HOME", missingHome.resolve(".cache").toString())))
			.isEmpty();
		assertThat(missingHome).doesNotExist();
	}

	@Test
	void aRelativeXdgCacheHomeIsIgnored() {
		assertThat(DispatchLibraryCache.cacheBase(Map.of("XDG_CACHE_HOME", "relative/cache")))
			.hasValue(Path.of(System.getProperty("user.home"), ".cache"));
		assertThat(DispatchLibraryCache.cacheBase(Map.of("XDG_CACHE_HOME", this.cache.toString())))
			.hasValue(this.cache);
	}

	private Optional<Path> offered() throws IOException {
		Optional<Path> directory = DispatchLibraryCache.directoryFor(RESOURCE, "5.19.1", this.loader,
				Map.of("XDG_CACHE_HOME", this.cache.toString()));
		directory.ifPresent((path) -> assertThat(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).isTrue());
		return directory;
	}

}
