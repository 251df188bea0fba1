/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.Daemons.Result;
import io.daemoniker.support.Proc;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launcher started with relative paths gives a daemon that still finds its classes
 * after it moved to {@code /}: relative class path, {@code -jar} and {@code @argfile}.
 */
@EnabledOnOs(OS.LINUX)
class RelaunchPathsTests extends RealDaemonTests {

	@Test
	void relativeClassPathOption() {
		Result launcher = run(List.of("-cp", relativeClassPath(), Daemons.APP, "app.pid", "app.log"));
		assertStartedInRoot(launcher);
	}

	@Test
	void relativeJar() throws IOException {
		writeJar(this.directory.resolve("app.jar"));
		Result launcher = run(List.of("-jar", "app.jar", "app.pid", "app.log"));
		assertStartedInRoot(launcher);
	}

	@Test
	void relativeArgumentFileWithRelativePathsInside() throws IOException {
		Files.writeString(this.directory.resolve("java.args"),
				"# options for the test daemon\n-cp \"" + relativeClassPath() + "\"\n-Dtest.handle=HUP\n");
		Result launcher = run(List.of("@java.args", Daemons.APP, "app.pid", "app.log"));
		assertStartedInRoot(launcher);
		Daemoniker.send(this.pidFile, "HUP");
		Daemons.awaitLog(this.log, "handled SIGHUP");
	}

	@Test
	void relativePathsInJvmOptionsResolveInTheLaunchersDirectory() throws IOException {
		Files.writeString(this.directory.resolve("extra.security"), "# nothing\n");
		// The JVM does not start if it cannot open its log: relative to /, it could not.
		Files.createDirectories(this.directory.resolve("logs"));
		Result launcher = run(List.of("-Xlog:gc*:file=logs/gc.log", "-XX:HeapDumpPath=dumps",
				"-Djava.security.properties=extra.security", "-cp", relativeClassPath(), Daemons.APP, "app.pid",
				"app.log"));
		assertStartedInRoot(launcher);
		List<String> daemon = Proc.cmdline(Daemons.pidIn(this.pidFile));
		assertThat(daemon).contains("-Xlog:gc*:file=" + this.directory.resolve("logs/gc.log"),
				"-XX:HeapDumpPath=" + this.directory.resolve("dumps"),
				"-Djava.security.properties=" + this.directory.resolve("extra.security"));
	}

	@Test
	void relativePathsInTheJvmsOptionVariablesResolveInTheLaunchersDirectory() throws Exception {
		Files.createDirectories(this.directory.resolve("logs"));
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, this.daemons.marker(), "-Dtest.chdir=/", "-cp",
				relativeClassPath(), Daemons.APP, "app.pid", "app.log"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("launcher.out").toFile());
		builder.environment().put("JDK_JAVA_OPTIONS", "-Xlog:gc:file=logs/jdk.log");
		builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:safepoint:file=logs/tool.log");
		Process launcher = builder.start();
		assertThat(launcher.waitFor()).as(Daemons.read(this.directory.resolve("launcher.out"))).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		Daemons.awaitLog(this.log, "signals started");
		// The daemon's own command line stays Java's; its variables are absolute.
		assertThat(Proc.cmdline(pid).get(0)).isEqualTo(Daemons.JAVA);
		assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "environ")))
			.contains("JDK_JAVA_OPTIONS=-Xlog:gc:file=" + this.directory.resolve("logs/jdk.log") + "\0")
			.contains("JAVA_TOOL_OPTIONS=-Xlog:safepoint:file=" + this.directory.resolve("logs/tool.log") + "\0");
		assertThat(Proc.cwd(pid)).isEqualTo("/");
	}

	private Result run(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, this.daemons.marker(), "-Dtest.chdir=/"));
		command.addAll(arguments);
		return this.daemons.run(command, this.directory);
	}

	private void assertStartedInRoot(Result launcher) {
		assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
		long pid = Daemons.pidIn(this.pidFile);
		assertThat(Proc.cwd(pid)).isEqualTo("/");
		Daemons.awaitLog(this.log, "signals started");
		assertThat(Daemons.read(this.log)).contains("cwd=/");
	}

	private String relativeClassPath() {
		return Stream.of(Daemons.CLASSPATH.split(File.pathSeparator))
			.map((entry) -> this.directory.relativize(Path.of(entry)).toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Writes a jar that holds no classes itself: its manifest names the main class and
	 * reaches the class path through relative links, which resolve against the jar's own
	 * directory.
	 */
	private void writeJar(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Daemons.APP);
		String classPath = Stream.of(Daemons.CLASSPATH.split(File.pathSeparator))
			.map((entry) -> this.directory.relativize(Path.of(entry)) + (Files.isDirectory(Path.of(entry)) ? "/" : ""))
			.collect(Collectors.joining(" "));
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			jarOut.flush();
		}
	}

}
