/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The rules by which the caches and the private start directory judge a directory, on
 * real directories: modes, owners, symbolic links and the sticky bit.
 */
@EnabledOnOs(OS.LINUX)
class DirectoryTrustTests {

	@TempDir
	Path directory;

	private long uid;

	private Path base;

	@BeforeEach
	void closeTheTemporaryDirectory() throws IOException {
		this.uid = DirectoryTrust.effectiveUid().orElseThrow();
		// JUnit's directory lies in /tmp, which is sticky; below it everything is ours.
		this.base = this.directory.toRealPath();
		Files.setPosixFilePermissions(this.base, PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void theEffectiveUidIsTheOwnerOfWhatThisProcessCreates() throws IOException {
		Path file = Files.createFile(this.base.resolve("made"));
		assertThat(((Number) Files.getAttribute(file, "unix:uid")).longValue()).isEqualTo(this.uid);
	}

	@Test
	void aDirectoryClosedToOthersIsPrivateAndOneOpenToThemIsNot() throws IOException {
		Path closed = directory("closed", "rwx------");
		Path readable = directory("readable", "rwxr-x---");
		assertThat(DirectoryTrust.isPrivate(closed, this.uid)).isTrue();
		assertThat(DirectoryTrust.isPrivate(readable, this.uid)).isFalse();
		assertThat(DirectoryTrust.isPrivate(this.base.resolve("missing"), this.uid)).isFalse();
	}

	@Test
	void aSymbolicLinkToAPrivateDirectoryOrAFileIsNotAPrivateDirectory() throws IOException {
		Path closed = directory("closed", "rwx------");
		Path link = Files.createSymbolicLink(this.base.resolve("link"), closed);
		Path file = Files.createFile(this.base.resolve("file"));
		assertThat(DirectoryTrust.isPrivate(link, this.uid)).isFalse();
		assertThat(DirectoryTrust.isPrivate(file, this.uid)).isFalse();
	}

	@Test
	void aDirectoryOfAnotherUserIsNotPrivate() throws IOException {
		assumeThat(this.uid).as("chown to another user needs root").isZero();
		Path closed = directory("closed", "rwx------");
		Files.setAttribute(closed, "unix:uid", 65534);
		assertThat(DirectoryTrust.isPrivate(closed, this.uid)).isFalse();
	}

	@Test
	void othersCannotChangeTheWayToADirectoryOfOursBelowTheStickyTemporaryDirectory() throws IOException {
		Path nested = Files.createDirectories(this.base.resolve("a/b/c"));
		assertThat(DirectoryTrust.whoCanChange(nested, this.uid)).isEmpty();
		assertThat(DirectoryTrust.othersCannotChange(nested, this.uid)).isTrue();
	}

	@Test
	void aDirectoryOnTheWayThatOthersCanWriteInIsNamed() throws IOException {
		Path open = directory("open", "rwxrwxrwx");
		Path nested = Files.createDirectories(open.resolve("mine"));
		assertThat(DirectoryTrust.whoCanChange(nested, this.uid))
			.hasValue(open + " can be written by others and is not sticky");
		Path groupWritable = directory("group", "rwxrwx---");
		assertThat(DirectoryTrust.othersCannotChange(groupWritable, this.uid)).isFalse();
	}

	@Test
	void aStickyDirectoryThatOthersCanWriteInIsAccepted() throws IOException {
		Path sticky = directory("sticky", "rwxrwxrwx");
		Files.setAttribute(sticky, "unix:mode", 01777);
		assertThat(DirectoryTrust.othersCannotChange(Files.createDirectory(sticky.resolve("mine")), this.uid)).isTrue();
	}

	@Test
	void aSymbolicLinkOnTheWayIsNamed() throws IOException {
		Path real = Files.createDirectories(this.base.resolve("real/inside"));
		Path link = Files.createSymbolicLink(this.base.resolve("link"), real.getParent());
		assertThat(DirectoryTrust.whoCanChange(link.resolve("inside"), this.uid))
			.hasValue(link + " is not a directory (or is a symbolic link)");
	}

	@Test
	void aDirectoryOfAnotherUserOnTheWayIsNamed() throws IOException {
		assumeThat(this.uid).as("chown to another user needs root").isZero();
		Path theirs = directory("theirs", "rwxr-xr-x");
		Path nested = Files.createDirectory(theirs.resolve("mine"));
		Files.setAttribute(theirs, "unix:uid", 65534);
		assertThat(DirectoryTrust.whoCanChange(nested, this.uid))
			.hasValue(theirs + " belongs to uid 65534, who could replace what is below it");
	}

	@Test
	void aRelativePathIsNotJudged() throws IOException {
		assertThat(DirectoryTrust.whoCanChange(Path.of("relative"), this.uid))
			.hasValue("relative is not an absolute path");
	}

	@Test
	void onlyARegularFileOfOursThatOthersCannotWriteIsOurOwnFile() throws IOException {
		Path own = Files.createFile(this.base.resolve("own"));
		Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-r--r--"));
		Path writable = Files.createFile(this.base.resolve("writable"));
		Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rw-rw-rw-"));
		Path link = Files.createSymbolicLink(this.base.resolve("link"), own);
		assertThat(DirectoryTrust.isOwnFile(own, this.uid)).isTrue();
		assertThat(DirectoryTrust.isOwnFile(writable, this.uid)).isFalse();
		assertThat(DirectoryTrust.isOwnFile(link, this.uid)).isFalse();
		assertThat(DirectoryTrust.isOwnFile(this.base, this.uid)).isFalse();
	}

	private Path directory(String name, String permissions) throws IOException {
		Path made = Files.createDirectory(this.base.resolve(name));
		Files.setPosixFilePermissions(made, PosixFilePermissions.fromString(permissions));
		return made;
	}

}
