/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.daemoniker.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rebuilding the launcher's command line for a daemon that starts in another directory.
 */
@DisabledOnOs(OS.WINDOWS)
class JavaCommandLineTests {

	private static final Path DIR = Path.of("/home/app");

	private static final List<String> MARKER = List.of("-Ddaemoniker.daemon=token");

	@Test
	void classPathEntriesBecomeAbsoluteIncludingTheEmptyOne() {
		assertThat(rebuild("-cp", "lib/*:classes::/opt/x.jar", "com.example.Main", "arg")).containsExactly(
				"/usr/bin/java", "-Ddaemoniker.daemon=token", "-cp",
				"/home/app/lib/*:/home/app/classes:/home/app:/opt/x.jar", "com.example.Main", "arg");
		assertThat(rebuild("--class-path=.", "Main")).contains("--class-path=/home/app/.");
		assertThat(rebuild("-classpath", "a.jar", "Main")).contains("/home/app/a.jar");
	}

	@Test
	void jarModulePathAgentsSplashAndOptionsFilesBecomeAbsolute() {
		assertThat(rebuild("-javaagent:agents/a.jar=opt=1", "-agentpath:lib/x.so", "-splash:img.png",
				"-XX:VMOptionsFile=jvm.opts", "-Xbootclasspath/a:boot.jar", "-p", "mods", "-jar", "app.jar", "x"))
			.containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "-javaagent:/home/app/agents/a.jar=opt=1",
					"-agentpath:/home/app/lib/x.so", "-splash:/home/app/img.png",
					"-XX:VMOptionsFile=/home/app/jvm.opts", "-Xbootclasspath/a:/home/app/boot.jar", "-p",
					"/home/app/mods", "-jar", "/home/app/app.jar", "x");
	}

	@Test
	void valuesThatAreNotPathsAndAbsolutePathsAreKept() {
		assertThat(rebuild("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dfile=rel.txt", "-cp", "/abs", "Main"))
			.containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "--add-opens",
					"java.base/java.lang=ALL-UNNAMED", "-Dfile=rel.txt", "-cp", "/abs", "Main");
	}

	@Test
	void sourceFileModeAndModuleMainClass() {
		assertThat(rebuild("Hello.java", "a")).containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token",
				"/home/app/Hello.java", "a");
		assertThat(rebuild("-m", "app/com.example.Main", "a")).endsWith("-m", "app/com.example.Main", "a");
	}

	@Test
	void applicationArgumentsThatLookLikeOptionsOrArgFilesAreLeftAlone() {
		assertThat(rebuild("Main", "-cp", "x", "@notafile")).endsWith("Main", "-cp", "x", "@notafile");
	}

	@Test
	void applicationArgumentsAreDroppedOnRequest() {
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("/usr/bin/java",
				List.of("-Xmx64m", "-jar", "app.jar", "--port", "8080"), DIR, MARKER, true);
		assertThat(commandLine.command()).containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "-Xmx64m",
				"-jar", "/home/app/app.jar");
	}

	@Test
	void debuggerServerAgentIsDroppedWithANote() {
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("/usr/bin/java",
				List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "Main"), DIR, MARKER, false);
		assertThat(commandLine.command()).noneMatch((arg) -> arg.contains("jdwp"));
		assertThat(commandLine.notes()).singleElement().asString().contains("-agentlib:jdwp").contains("debugger");
	}

	@Test
	void leftoverMarkerIsNeverPassedOn() {
		assertThat(rebuild("-Ddaemoniker.daemon=old", "Main")).containsExactly("/usr/bin/java",
				"-Ddaemoniker.daemon=token", "Main");
	}

	@Test
	void argumentFilesAreExpandedAndTheirPathsMadeAbsolute(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("java.args"), "# comment\n-cp 'lib/a b.jar'\n-Dx=\"1 2\"\n");
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("/usr/bin/java", List.of("@java.args", "Main", "@x"),
				directory, MARKER, false);
		assertThat(commandLine.command()).containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "-cp",
				directory.resolve("lib/a b.jar").toString(), "-Dx=1 2", "Main", "@x");
	}

	@Test
	void argumentFileInTheValueOfAnOptionIsExpandedAsTheJavaLauncherDoes(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("cp.args"), "\"lib/a.jar:classes\"\n-Dafter=1\n");
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("/usr/bin/java",
				List.of("-cp", "@cp.args", "Main", "@app"), directory, MARKER, false);
		assertThat(commandLine.command()).containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "-cp",
				directory.resolve("lib/a.jar") + ":" + directory.resolve("classes"), "-Dafter=1", "Main", "@app");
		assertThat(commandLine.applicationArgumentsStart()).isEqualTo(6);
	}

	@Test
	void argumentsThatStartWithAtStayLiteral(@TempDir Path directory) throws IOException {
		// From a file, "@x" is literal; on the daemon's command line it must be escaped.
		Files.writeString(directory.resolve("java.args"), "--add-reads @literal\n");
		assertThat(JavaCommandLine
			.forDaemon("/usr/bin/java", List.of("--add-modules", "@@m", "@java.args", "Main"), directory, MARKER, false)
			.command()).containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "--add-modules", "@@m",
					"--add-reads", "@@literal", "Main");
		assertThat(JavaCommandLine
			.forDaemon("/usr/bin/java", List.of("--disable-@files", "@raw", "Main"), directory, MARKER, false)
			.command())
			.containsExactly("/usr/bin/java", "-Ddaemoniker.daemon=token", "--disable-@files", "@raw", "Main");
	}

	@Test
	void windowsWildcardClassPathIsMadeAbsoluteWithoutParsingItAsAPath() {
		JavaCommandLine commandLine = JavaCommandLine.forDaemon("C:\\jdk\\bin\\java.exe",
				List.of("-cp", "lib\\*;classes", "-XX:SharedArchiveFile=app.jsa", "Main"), DIR,
				new RelativePaths("C:\\app", true), MARKER, false);
		assertThat(commandLine.command()).containsExactly("C:\\jdk\\bin\\java.exe", "-Ddaemoniker.daemon=token", "-cp",
				"C:\\app\\lib\\*;C:\\app\\classes", "-XX:SharedArchiveFile=C:\\app\\app.jsa", "Main");
	}

	@Test
	void unreadableArgumentFileIsNamed(@TempDir Path directory) {
		assertThatExceptionOfType(StartupException.class)
			.isThrownBy(() -> JavaCommandLine.forDaemon("/usr/bin/java", List.of("@missing.args", "Main"), directory,
					MARKER, false))
			.withMessageContaining(directory.resolve("missing.args").toString());
	}

	private static List<String> rebuild(String... arguments) {
		return JavaCommandLine.forDaemon("/usr/bin/java", List.of(arguments), DIR, MARKER, false).command();
	}

}
