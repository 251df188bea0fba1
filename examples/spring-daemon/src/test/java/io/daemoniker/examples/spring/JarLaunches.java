/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged example's launcher ({@code java -jar spring-daemon.jar}) as a real
 * process, and finds the processes a test left, by what their command lines name.
 */
final class JarLaunches {

	private JarLaunches() {
	}

	/**
	 * Runs a launcher to its end, at most two minutes.
	 * @param directory its working directory, where its output is kept
	 * @param jvmOptions options before {@code -jar}
	 * @param environment variables to add to its environment
	 * @param arguments the application's arguments
	 * @return what it did
	 */
	static Outcome launch(Path directory, List<String> jvmOptions, Map<String, String> environment,
			List<String> arguments) throws Exception {
		return launch(directory, jvmOptions, packagedJar(), environment, arguments);
	}

	/**
	 * Returns what starts the packaged example as its users do.
	 * @return {@code -jar} and the jar
	 */
	static List<String> packagedJar() {
		return List.of("-jar", System.getProperty("daemoniker.test.jar"));
	}

	/**
	 * Runs a launcher of the packaged example to its end, at most two minutes, started
	 * some other way than {@code -jar}.
	 * @param directory its working directory, where its output is kept
	 * @param jvmOptions options before {@code start}
	 * @param start what tells the JVM what to run, such as {@code -cp}, the jar and a
	 * main class
	 * @param environment variables to add to its environment
	 * @param arguments the application's arguments
	 * @return what it did
	 */
	static Outcome launch(Path directory, List<String> jvmOptions, List<String> start, Map<String, String> environment,
			List<String> arguments) throws Exception {
		Path out = Files.createTempFile(directory, "launcher", ".out");
		Path err = Files.createTempFile(directory, "launcher", ".err");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(start);
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().putAll(environment);
		Process launcher = builder.start();
		try {
			assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
		}
		finally {
			launcher.destroyForcibly();
		}
		return new Outcome(launcher.pid(), launcher.exitValue(), Files.readString(out), Files.readString(err));
	}

	/**
	 * Returns the live processes, not zombies and not this one, whose command lines name
	 * a path.
	 * @param path the path
	 * @return their PIDs
	 */
	static List<Long> processesNaming(Path path) throws IOException {
		List<Long> pids = new ArrayList<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)
						|| Long.parseLong(name) == ProcessHandle.current().pid()) {
					continue;
				}
				try {
					String commandLine = new String(Files.readAllBytes(entry.resolve("cmdline")),
							StandardCharsets.UTF_8);
					String stat = Files.readString(entry.resolve("stat"));
					boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
					if (commandLine.contains(path.toString()) && !zombie) {
						pids.add(Long.parseLong(name));
					}
				}
				catch (IOException ex) {
					// The process ended while we looked.
				}
			}
		}
		return pids;
	}

	/**
	 * Kills, by PID, every process whose command line names a path.
	 * @param path the path
	 */
	static void killProcessesNaming(Path path) throws IOException {
		for (long pid : processesNaming(path)) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * What a launcher did: its PID, exit status and what it printed.
	 */
	record Outcome(long pid, int status, String stdout, String stderr) {
	}

}
