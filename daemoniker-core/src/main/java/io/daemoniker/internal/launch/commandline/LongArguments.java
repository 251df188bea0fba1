/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.daemoniker.StartupException;
import io.daemoniker.internal.platform.OperatingSystem;
import io.daemoniker.internal.windows.WindowsCommandLine;
import io.daemoniker.internal.windows.WindowsLaunch;

/**
 * Keeps the daemon's command line within what the operating system accepts. Expanding
 * {@code @argfiles} and making paths absolute can make it longer than the launcher's:
 * Linux refuses any single argument of 128 KiB or more, and Windows any command line of
 * more than 32,766 characters. Arguments that the Java launcher reads as options are then
 * moved, longest first, into argument files of their own, which the Java launcher expands
 * in place: {@code -cp @file} is the class path that the file holds.
 * <p>
 * Public for the launcher's {@code Launcher}, which makes the command line startable once
 * it is complete.
 */
public final class LongArguments {

	/** Linux's {@code MAX_ARG_STRLEN}, which counts the terminating NUL. */
	static final int LINUX_MAX_ARGUMENT_BYTES = 128 * 1024 - 1;

	/**
	 * A total for all arguments that stays well below Linux's {@code ARG_MAX} share,
	 * which the environment also takes from.
	 */
	static final int LINUX_MAX_TOTAL_BYTES = 1024 * 1024;

	/** {@code CreateProcessW}'s limit, less the terminating NUL. */
	static final int WINDOWS_MAX_CHARS = 32766;

	/** Arguments shorter than this gain nothing from a file of their own. */
	private static final int MIN_MOVED_LENGTH = 256;

	private LongArguments() {
	}

	/**
	 * Returns the daemon's command, with arguments moved to argument files in the
	 * temporary directory where it is too long for this system. The files are readable by
	 * this user alone and removed when this JVM, the launcher, ends: by then the daemon's
	 * Java launcher has read them.
	 * @param commandLine the daemon's command line
	 * @return the command to start
	 * @throws StartupException if an argument file cannot be written
	 */
	static List<String> fit(JavaCommandLine commandLine) {
		boolean windows = OperatingSystem.current() == OperatingSystem.WINDOWS;
		if (fits(commandLine.command(), windows)) {
			// The usual case, decided before the method reference and the streams below,
			// whose first use costs the launcher's short-lived JVM generated classes.
			return new ArrayList<>(commandLine.command());
		}
		return fit(commandLine.command(), commandLine.applicationArgumentsStart(), windows,
				LongArguments::writeTemporary);
	}

	/**
	 * Returns the daemon's command as it is started: too long arguments in argument
	 * files, and, for a daemon in another directory on Linux and macOS, the paths in the
	 * JVM's option variables made absolute.
	 * @param commandLine the daemon's command line
	 * @param launcherDirectory the launcher's working directory
	 * @param daemonDirectory the daemon's working directory
	 * @return the command to start
	 */
	public static List<String> startable(JavaCommandLine commandLine, Path launcherDirectory, Path daemonDirectory) {
		List<String> command = fit(commandLine);
		if (OperatingSystem.current() == OperatingSystem.WINDOWS || launcherDirectory.equals(daemonDirectory)) {
			return command;
		}
		return ToolOptionsEnvironment.apply(command, System.getenv(),
				new RelativePaths(launcherDirectory.toString(), false));
	}

	private static String writeTemporary(String text) {
		try {
			Path file = Files.createTempFile("daemoniker-", ".args");
			file.toFile().deleteOnExit();
			Files.writeString(file, text, ArgFiles.CHARSET);
			return file.toAbsolutePath().toString();
		}
		catch (IOException ex) {
			throw new StartupException(
					"cannot write an argument file for the daemon's command line, which is too long "
							+ "to pass as it is, in " + System.getProperty("java.io.tmpdir") + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Returns the command, with arguments moved to argument files where it is too long.
	 * @param command the command, the executable first
	 * @param optionsEnd the index of the first argument that the Java launcher does not
	 * read as its own (the application's arguments)
	 * @param windows whether Windows' limit applies rather than Linux's
	 * @param writer writes the text of an argument file and returns its absolute path
	 * @return the command to start
	 */
	static List<String> fit(List<String> command, int optionsEnd, boolean windows, Function<String, String> writer) {
		List<String> fitted = new ArrayList<>(command);
		List<Integer> movable = IntStream.range(1, optionsEnd)
			.boxed()
			.filter((i) -> command.get(i).length() >= MIN_MOVED_LENGTH)
			.sorted(Comparator.comparingInt((Integer i) -> command.get(i).length()).reversed())
			.toList();
		for (int index : movable) {
			if (fits(fitted, windows)) {
				break;
			}
			fitted.set(index, "@" + writer.apply(ArgFiles.encode(List.of(command.get(index)))));
		}
		return fitted;
	}

	/**
	 * Returns whether the operating system accepts this command line.
	 * @param command the command
	 * @param windows whether Windows' limit applies rather than Linux's
	 * @return whether it fits
	 */
	static boolean fits(List<String> command, boolean windows) {
		if (windows) {
			// The Windows launch adds the option that names its pipes to the daemon.
			return WindowsCommandLine.join(command).length() <= WINDOWS_MAX_CHARS
					- WindowsLaunch.ADDED_COMMAND_LINE_CHARS;
		}
		long total = 0;
		for (String argument : command) {
			int bytes = argument.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > LINUX_MAX_ARGUMENT_BYTES) {
				return false;
			}
			total += bytes + 1;
		}
		return total <= LINUX_MAX_TOTAL_BYTES;
	}

}
