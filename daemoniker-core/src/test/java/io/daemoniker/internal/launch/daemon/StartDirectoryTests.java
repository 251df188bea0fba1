/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

import io.daemoniker.internal.launch.StartDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The launcher's private directory of a start and the daemon's reading of it: made only
 * where it cannot be swapped, private, read once and removed, and believed only for the
 * daemon's own token.
 */
@EnabledOnOs(OS.LINUX)
class StartDirectoryTests {

	@TempDir
	Path temporary;

	@Test
	void theRequestIsReadOnceFromAPrivateDirectoryAndEverythingIsRemoved() throws IOException {
		StartDirectory directory = StartDirectory.create(this.temporary, new byte[] { 1, 2, 3 }).orElseThrow();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path())))
			.isEqualTo("rwx------");
		PreparedStart start = PreparedStart.parse("token prepared 1 " + directory.path(), "token");
		try (InputStream request = start.readRequest()) {
			assertThat(request.readAllBytes()).containsExactly(1, 2, 3);
		}
		assertThat(directory.path().resolve(StartDirectory.REQUEST)).doesNotExist();
		directory.close();
		assertThat(entries()).isEmpty();
	}

	@Test
	void noDirectoryInATemporaryDirectoryThatOthersMayRewrite() throws IOException {
		Files.setPosixFilePermissions(this.temporary, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(StartDirectory.create(this.temporary, new byte[1])).isEmpty();
		assertThat(entries()).isEmpty();
	}

	@Test
	void aStickyTemporaryDirectoryIsUsed() throws IOException {
		Files.setAttribute(this.temporary, "unix:mode", 01777);
		Optional<StartDirectory> directory = StartDirectory.create(this.temporary, new byte[1]);
		assertThat(directory).isPresent();
		directory.get().close();
	}

	@Test
	void noDirectoryWhereTheTemporaryDirectoryIsMissing() {
		assertThat(StartDirectory.create(this.temporary.resolve("missing"), new byte[1])).isEmpty();
		assertThat(this.temporary.resolve("missing")).doesNotExist();
	}

	@Test
	void aDirectoryThatIsNotPrivateIsNotBelieved() throws IOException {
		Path shared = Files.createDirectory(this.temporary.resolve("shared"));
		Files.write(shared.resolve(StartDirectory.REQUEST), new byte[] { 1 });
		PreparedStart start = PreparedStart.parse("token prepared 0 " + shared, "token");
		assertThatIOException().isThrownBy(start::readRequest).withMessageContaining(shared.toString());
		assertThat(shared.resolve(StartDirectory.REQUEST)).exists();
		Path link = Files.createSymbolicLink(this.temporary.resolve("link"), shared);
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
		PreparedStart throughLink = PreparedStart.parse("token prepared 0 " + link, "token");
		assertThatIOException().isThrownBy(throughLink::readRequest).withMessageContaining(link.toString());
	}

	@Test
	void theVariableCountsOnlyForItsOwnToken() {
		assertThat(PreparedStart.parse("other prepared 1 /tmp/x", "token")).isNull();
		assertThat(PreparedStart.parse("token prepared 1 /tmp/x", null)).isNull();
		assertThat(PreparedStart.parse(null, "token")).isNull();
		assertThat(PreparedStart.parse("token prepared 1", "token")).isNull();
		assertThat(PreparedStart.parse("token prepared 1 relative/dir", "token")).isNull();
		PreparedStart start = PreparedStart.parse("token classic 0 /tmp/with space", "token");
		assertThat(start.prepared()).isFalse();
		assertThat(start.created()).isFalse();
		assertThat(start.directory()).isEqualTo(Path.of("/tmp/with space"));
	}

	private java.util.List<Path> entries() throws IOException {
		try (Stream<Path> entries = Files.list(this.temporary)) {
			return entries.toList();
		}
	}

}
