/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a path still names a file that was checked: what the PID file's readers and
 * takers ask before they trust what they read or locked.
 */
@DisabledOnOs(OS.WINDOWS)
class FileStatTests {

	@TempDir
	Path directory;

	@Test
	void aPathNamesTheFileItNamedUntilTheFileIsReplacedOrRemoved() throws IOException {
		Path path = Files.writeString(this.directory.resolve("app.pid"), "42\n");
		FileStat checked = FileStat.of(path, LinkOption.NOFOLLOW_LINKS);
		assertThat(checked.isNamedBy(path)).isTrue();
		Files.writeString(path, "43\n");
		assertThat(checked.isNamedBy(path)).as("rewritten in place: the same file").isTrue();
		Path other = Files.writeString(this.directory.resolve("other"), "44\n");
		Files.move(other, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		assertThat(checked.isNamedBy(path)).as("replaced by a rename").isFalse();
		Files.delete(path);
		assertThat(checked.isNamedBy(path)).as("removed").isFalse();
	}

	@Test
	void aSymbolicLinkToTheFileIsNotTheFile() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "42\n");
		Path link = Files.createSymbolicLink(this.directory.resolve("link.pid"), file);
		FileStat checked = FileStat.of(file, LinkOption.NOFOLLOW_LINKS);
		assertThat(checked.isNamedBy(link)).isFalse();
		assertThat(checked.isNamedBy(file)).isTrue();
	}

	@Test
	void aHardLinkIsTheSameFile() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.pid"), "42\n");
		Path hard = Files.createLink(this.directory.resolve("hard.pid"), file);
		assertThat(FileStat.of(file, LinkOption.NOFOLLOW_LINKS).isNamedBy(hard)).isTrue();
	}

}
