/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Starts real launchers and daemons for tests and cleans up after them. Every JVM it
 * starts carries {@code -Dtest.id=<unique id>}, which the daemon inherits through its
 * rebuilt command line, so that {@link #close()} can find and kill, by PID, every process
 * a test started, whatever state the test left them in.
 */
public final class Daemons implements AutoCloseable {

	/** The class path of the test JVM's classes, set by the build. */
	public static final String CLASSPATH = System.getProperty("daemoniker.test.classpath",
			System.getProperty("java.class.path"));

	/** The Java executable running the tests. */
	public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	/** The test daemon's main class. */
	public static final String APP = "io.daemoniker.testapp.TestDaemonApp";

	private final String id = UUID.randomUUID().toString();

	private final Path directory;

	private final List<Process> children = new ArrayList<>();

	/**
	 * Creates a fixture working in a directory of its own.
	 * @param directory a temporary directory for PID files and logs
	 */
	public Daemons(Path directory) {
		this.directory = directory;
	}

	/**
	 * Returns the fixture's directory.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Returns the option that marks the JVMs of this fixture.
	 * @return {@code -Dtest.id=...}
	 */
	public String marker() {
		return "-Dtest.id=" + this.id;
	}

	/**
	 * Runs a launcher of the test daemon to its end.
	 * @param pidFile the PID file
	 * @param log the daemon's log
	 * @param properties {@code -D} options for the test daemon
	 * @return the launcher's outcome
	 */
	public Result launch(Path pidFile, Path log, String... properties) {
		List<String> command = new ArrayList<>(List.of(JAVA, marker()));
		command.addAll(Arrays.asList(properties));
		command.addAll(List.of("-cp", CLASSPATH, APP, pidFile.toString(), log.toString()));
		return run(command, this.directory);
	}

	/**
	 * Runs a command to its end, at most a minute.
	 * @param command the command
	 * @param workingDirectory where to run it
	 * @return its outcome
	 */
	public Result run(List<String> command, Path workingDirectory) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
			long start = System.nanoTime();
			Process process = builder.start();
			this.children.add(process);
			process.getOutputStream().close();
			CompletableFuture<String> out = read(process.getInputStream());
			CompletableFuture<String> err = read(process.getErrorStream());
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("command did not end within 90 s: " + command);
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			return new Result(process.pid(), process.exitValue(), out.get(10, TimeUnit.SECONDS),
					err.get(10, TimeUnit.SECONDS), took);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a JVM of this fixture as a plain child, without waiting for it.
	 * @param mainClass the main class
	 * @param properties {@code -D} options
	 * @param args program arguments
	 * @return the process, whose output goes to files in the fixture's directory
	 */
	public Process startChild(String mainClass, List<String> properties, String... args) {
		List<String> command = new ArrayList<>(List.of(JAVA, marker()));
		command.addAll(properties);
		command.addAll(List.of("-cp", CLASSPATH, mainClass));
		command.addAll(Arrays.asList(args));
		return startCommand(command);
	}

	/**
	 * Starts any command as a child, without waiting for it.
	 * @param command the command
	 * @return the process
	 */
	public Process startCommand(List<String> command) {
		try {
			String name = "child-" + this.children.size();
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectOutput(this.directory.resolve(name + ".out").toFile())
				.redirectError(this.directory.resolve(name + ".err").toFile())
				.start();
			this.children.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the PIDs of every live process of this fixture, launchers and daemons
	 * alike.
	 * @return the PIDs
	 */
	public List<Long> liveProcesses() {
		List<Long> pids = new ArrayList<>();
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path entry : proc) {
				long pid = Long.parseLong(entry.getFileName().toString());
				if (pid != ProcessHandle.current().pid() && commandLine(pid).contains(marker())
						&& !Proc.isZombie(pid)) {
					pids.add(pid);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pids;
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Reads the PID in a PID file.
	 * @param pidFile the PID file
	 * @return the PID
	 */
	public static long pidIn(Path pidFile) {
		try {
			return Long.parseLong(Files.readString(pidFile).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a log, or returns an empty string when it does not exist yet.
	 * @param log the log file
	 * @return its text
	 */
	public static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until a log contains a text.
	 * @param log the log file
	 * @param text the text
	 */
	public static void awaitLog(Path log, String text) {
		await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains(text));
	}

	/**
	 * Waits until a process is gone (zombies count as gone).
	 * @param pid the process
	 */
	public static void awaitGone(long pid) {
		await().atMost(Duration.ofSeconds(30)).until(() -> Proc.isGone(pid));
	}

	/**
	 * Sends a signal with the {@code kill} command, as an operator would.
	 * @param pid the process
	 * @param signal the signal name
	 */
	public static void kill(long pid, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new AssertionError("kill -" + signal + " " + pid + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Kills every process of this fixture with SIGKILL, by PID, and waits until they are
	 * gone.
	 */
	@Override
	public void close() {
		for (Process child : this.children) {
			child.destroyForcibly();
		}
		for (int round = 0; round < 3; round++) {
			List<Long> live = liveProcesses();
			if (live.isEmpty()) {
				return;
			}
			for (long pid : live) {
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			}
			for (long pid : live) {
				awaitGone(pid);
			}
		}
	}

	private static CompletableFuture<String> read(java.io.InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		});
	}

	/**
	 * Joins class path entries.
	 * @param entries the entries
	 * @return the class path
	 */
	public static String classPath(String... entries) {
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * What a finished command did.
	 *
	 * @param pid its PID
	 * @param exitCode its exit status
	 * @param stdout what it printed on standard output
	 * @param stderr what it printed on standard error
	 * @param took how long it ran
	 */
	public record Result(long pid, int exitCode, String stdout, String stderr, Duration took) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + " after " + this.took.toMillis() + " ms\n--- stdout\n" + this.stdout
					+ "--- stderr\n" + this.stderr;
		}

	}

	/**
	 * Finds a process's line in a list of PIDs.
	 * @param pids the list
	 * @param pid the PID
	 * @return the PID if listed
	 */
	public static Optional<Long> find(List<Long> pids, long pid) {
		return pids.stream().filter((candidate) -> candidate == pid).findFirst();
	}

}
