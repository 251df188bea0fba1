/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.daemoniker.internal.windows.WindowsCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wildcard expansion of application arguments as the Java launcher does it on Windows,
 * run against real directories (with this system's separator).
 */
class ApplicationWildcardsTests {

	@TempDir
	Path directory;

	@Test
	void expandsTheLastNameRelativeAsWrittenAndKeepsWhatMatchesNothing() throws Exception {
		Files.createDirectories(this.directory.resolve("logs"));
		Files.writeString(this.directory.resolve("a.txt"), "");
		Files.writeString(this.directory.resolve("b.txt"), "");
		Files.writeString(this.directory.resolve("c.log"), "");
		Files.writeString(this.directory.resolve("logs").resolve("x1.log"), "");
		assertThat(ApplicationWildcards.expand("*.txt", this.directory)).containsExactlyInAnyOrder("a.txt", "b.txt");
		assertThat(ApplicationWildcards.expand("logs/x?.log", this.directory))
			.containsExactly(Path.of("logs", "x1.log").toString());
		assertThat(ApplicationWildcards.expand("*.none", this.directory)).containsExactly("*.none");
		assertThat(ApplicationWildcards.expand("missing/*", this.directory)).containsExactly("missing/*");
		String absolute = this.directory.resolve("*.log").toString();
		assertThat(ApplicationWildcards.expand(absolute, this.directory))
			.containsExactly(this.directory.resolve("c.log").toString());
	}

	@Test
	void expandsOnlyApplicationArgumentsGivenOnTheCommandLine() throws Exception {
		Files.writeString(this.directory.resolve("a.txt"), "");
		Files.writeString(this.directory.resolve("java.args"), "-Dfrom=file Main *.txt\n");
		List<WindowsCommandLine.Argument> line = WindowsCommandLine
			.parse("javaw.exe -Dglob=*.txt -cp lib/* Main *.txt \"*.txt\" *.none");
		assertThat(ApplicationWildcards.expandApplicationArguments(line.subList(1, line.size()), this.directory))
			.containsExactly("-Dglob=*.txt", "-cp", "lib/*", "Main", "a.txt", "*.txt", "*.none");
		// The main class in an argfile: its arguments stay, the ones after it expand.
		List<WindowsCommandLine.Argument> withArgFile = WindowsCommandLine.parse("javaw.exe @java.args *.txt");
		assertThat(ApplicationWildcards.expandApplicationArguments(withArgFile.subList(1, withArgFile.size()),
				this.directory))
			.containsExactly("@java.args", "a.txt");
		List<WindowsCommandLine.Argument> jar = WindowsCommandLine.parse("javaw.exe -jar app*.jar *.txt");
		assertThat(ApplicationWildcards.expandApplicationArguments(jar.subList(1, jar.size()), this.directory))
			.containsExactly("-jar", "app*.jar", "a.txt");
	}

}
