/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Making paths absolute as text, by the rules of Linux and of Windows, on any system.
 */
class RelativePathsTests {

	private final RelativePaths unix = new RelativePaths("/home/app", false);

	private final RelativePaths windows = new RelativePaths("C:\\app", true);

	@Test
	void unixPaths() {
		assertThat(this.unix.absolute("lib/*")).isEqualTo("/home/app/lib/*");
		assertThat(this.unix.absolute("")).isEqualTo("/home/app");
		assertThat(this.unix.absolute("/opt/x.jar")).isEqualTo("/opt/x.jar");
		assertThat(this.unix.absoluteList("a.jar::*:/b")).isEqualTo("/home/app/a.jar:/home/app:/home/app/*:/b");
		assertThat(new RelativePaths("/", false).absolute("x")).isEqualTo("/x");
	}

	@Test
	void windowsWildcardClassPathKeepsItsStarAndGetsAnAbsoluteDirectory() {
		// Resolving these as paths throws InvalidPathException on Windows.
		assertThat(this.windows.absoluteList("lib\\*")).isEqualTo("C:\\app\\lib\\*");
		assertThat(this.windows.absoluteList("*;lib/*;classes"))
			.isEqualTo("C:\\app\\*;C:\\app\\lib/*;C:\\app\\classes");
	}

	@Test
	void windowsAbsoluteRootedAndDriveRelativePaths() {
		assertThat(this.windows.absolute("D:\\x.jar")).isEqualTo("D:\\x.jar");
		assertThat(this.windows.absolute("d:/x.jar")).isEqualTo("d:/x.jar");
		assertThat(this.windows.absolute("\\\\server\\share\\x.jar")).isEqualTo("\\\\server\\share\\x.jar");
		assertThat(this.windows.absolute("\\tools\\x.jar")).isEqualTo("C:\\tools\\x.jar");
		assertThat(this.windows.absolute("D:x.jar")).isEqualTo("D:x.jar");
		assertThat(this.windows.absoluteList(";a.jar")).isEqualTo("C:\\app;C:\\app\\a.jar");
		assertThat(new RelativePaths("C:\\", true).absolute("a.jar")).isEqualTo("C:\\a.jar");
	}

}
