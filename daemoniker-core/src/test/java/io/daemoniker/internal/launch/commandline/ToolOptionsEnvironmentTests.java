/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's option variables, with their paths made absolute for a daemon in another
 * directory.
 */
class ToolOptionsEnvironmentTests {

	private static final RelativePaths PATHS = new RelativePaths("/app", false);

	@Test
	void relativePathsAreMadeAbsoluteAndSetThroughEnv() {
		List<String> command = ToolOptionsEnvironment.apply(List.of("java", "Main"),
				Map.of("JDK_JAVA_OPTIONS", "-Xmx64m -Xlog:gc:file=gc.log", "JAVA_TOOL_OPTIONS",
						"-javaagent:agent.jar \"-Dgreeting=hello world\"", "OTHER", "x"),
				PATHS);
		assertThat(command).containsExactly("/usr/bin/env",
				"JAVA_TOOL_OPTIONS=-javaagent:/app/agent.jar \"-Dgreeting=hello world\"",
				"JDK_JAVA_OPTIONS=-Xmx64m -Xlog:gc:file=/app/gc.log", "java", "Main");
	}

	@Test
	void variablesWithoutRelativePathsLeaveTheCommandAlone() {
		List<String> command = List.of("java", "Main");
		assertThat(ToolOptionsEnvironment.apply(command,
				Map.of("JDK_JAVA_OPTIONS", "-Xmx64m  -Xlog:gc:file=/var/log/gc.log", "JAVA_TOOL_OPTIONS", ""), PATHS))
			.isSameAs(command);
	}

	@Test
	void classPathInTheVariableIsMadeAbsolute() {
		assertThat(ToolOptionsEnvironment.rewrite("--class-path lib/*:x.jar", PATHS))
			.isEqualTo("--class-path /app/lib/*:/app/x.jar");
	}

}
