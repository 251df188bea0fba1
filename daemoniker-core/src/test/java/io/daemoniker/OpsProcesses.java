/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Starts and tears down the real JVMs and daemons of the operations tests, and reads what
 * {@code /proc} says about them.
 */
final class OpsProcesses implements AutoCloseable {

	private final List<Long> pids = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String classpath() {
		String classpath = System.getProperty("daemoniker.test.classpath");
		return (classpath != null) ? classpath : System.getProperty("java.class.path");
	}

	/**
	 * The command line that runs a fixture's main class.
	 */
	static List<String> command(Class<?> main, String... args) {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath(), main.getName()));
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * Starts a process, remembered for tear-down.
	 */
	Process start(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		this.processes.add(process);
		this.pids.add(process.pid());
		return process;
	}

	/**
	 * Remembers a PID (a daemon's) for tear-down.
	 */
	long track(long pid) {
		this.pids.add(pid);
		return pid;
	}

	/**
	 * Runs a launcher to its end and returns its exit status and output.
	 */
	Result run(ProcessBuilder builder) throws IOException, InterruptedException {
		builder.redirectErrorStream(true);
		Process process = start(builder);
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			throw new AssertionError("launcher " + process.pid() + " did not exit; output:\n" + output);
		}
		return new Result(process.exitValue(), output);
	}

	/**
	 * Reads the PID in a PID file, and tracks it.
	 */
	long pidIn(Path pidFile) throws IOException {
		return track(Long.parseLong(Files.readString(pidFile).trim()));
	}

	/**
	 * Returns a line of {@code /proc/PID/status}, such as {@code Uid}, without its name.
	 */
	static Optional<String> status(long pid, String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith(field + ":")) {
				return Optional.of(line.substring(field.length() + 1).trim().replaceAll("\\s+", " "));
			}
		}
		return Optional.empty();
	}

	static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
	}

	private static boolean isZombie(long pid) {
		try {
			return status(pid, "State").map((state) -> state.startsWith("Z")).orElse(true);
		}
		catch (IOException ex) {
			return true;
		}
	}

	static void awaitGone(long pid) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !isAlive(pid));
	}

	static OptionalLong uidOf(String user) throws IOException, InterruptedException {
		Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
		String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		return (id.waitFor() == 0) ? OptionalLong.of(Long.parseLong(out)) : OptionalLong.empty();
	}

	static boolean isRoot() throws IOException {
		return status(ProcessHandle.current().pid(), "Uid").map((uid) -> uid.startsWith("0 ")).orElse(false);
	}

	static Optional<Path> executable(String name) {
		for (String directory : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	@Override
	public void close() {
		for (Long pid : this.pids) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
		for (Process process : this.processes) {
			process.destroyForcibly();
		}
	}

	/**
	 * A finished launcher.
	 *
	 * @param exitCode its exit status
	 * @param output what it printed on both streams
	 */
	record Result(int exitCode, String output) {

	}

}
