/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code blocks, found by what they contain, and its shell blocks run for real
 * with {@code bash} from the repository's root, their {@code /tmp/} paths moved into a
 * test's own directory.
 */
public final class ReadmeSnippets {

	private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");

	private final Path root;

	/**
	 * Reads the README of a repository.
	 * @param root the repository's root
	 */
	public ReadmeSnippets(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Returns the one block of a language that contains a text.
	 * @param language the fence's language ({@code sh}, {@code xml}, ...)
	 * @param containing a text only that block contains
	 * @return the block's text
	 */
	public String block(String language, String containing) {
		List<String> found = new ArrayList<>();
		Matcher fence = FENCE.matcher(readme());
		while (fence.find()) {
			if (fence.group(1).equals(language) && fence.group(2).contains(containing)) {
				found.add(fence.group(2));
			}
		}
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " README blocks of " + language + " contain " + containing);
		}
		return found.get(0);
	}

	/**
	 * Runs a shell block with {@code bash -eu -o pipefail} in the repository's root, with
	 * every {@code /tmp/} replaced by a directory of the test's and the test's JDK first
	 * on the {@code PATH}.
	 * @param script the block
	 * @param directory the directory that stands for {@code /tmp}
	 * @return what it printed, standard output and error together
	 * @throws AssertionError if it fails or runs for more than five minutes
	 */
	public String run(String script, Path directory) {
		String moved = script.replace("/tmp/", directory.toAbsolutePath() + "/");
		ProcessBuilder builder = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "-c", moved)
			.directory(this.root.toFile())
			.redirectErrorStream(true);
		Path javaBin = Path.of(System.getProperty("java.home"), "bin");
		builder.environment().put("PATH", javaBin + ":" + System.getenv("PATH"));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError("README block did not end:\n" + moved + "\n" + output);
			}
			if (process.exitValue() != 0) {
				throw new AssertionError(
						"README block failed, exit " + process.exitValue() + ":\n" + moved + "\n--- output\n" + output);
			}
			return output;
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
	 * Kills, by PID, every process whose command line names a directory: the daemons a
	 * block started with their PID file or log in it.
	 * @param directory the test's directory
	 */
	public static void killProcessesNaming(Path directory) {
		String name = directory.toAbsolutePath().toString();
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path entry : proc) {
				long pid = Long.parseLong(entry.getFileName().toString());
				if (pid != ProcessHandle.current().pid() && commandLine(entry).contains(name)) {
					ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String commandLine(Path process) {
		try {
			return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private String readme() {
		try {
			return Files.readString(this.root.resolve("README.md"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
