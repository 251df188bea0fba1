/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.io.File;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.daemoniker.internal.windows.WindowsCommandLine;
import io.daemoniker.internal.windows.WindowsLaunch;

/**
 * Expands wildcards in application arguments as the Java launcher does on Windows, where
 * no shell does it: an application argument written with {@code *} or {@code ?} outside
 * quotes becomes the files that match its last name in its directory, relative as it was
 * written, or stays as it is when nothing matches or the directory cannot be listed
 * ({@code LauncherHelper.expandArgs} in the JDK).
 * <p>
 * The launcher's {@code main} received the expanded arguments. The daemon must receive
 * the same ones, so the launcher expands them itself, in its own working directory, and
 * passes them quoted: expanded again in the daemon, which may run in another directory,
 * they could name other files.
 */
final class ApplicationWildcards {

	private ApplicationWildcards() {
	}

	/**
	 * Returns the arguments this JVM was started with on Windows, from
	 * {@code GetCommandLineW}, with the application arguments that the Java launcher
	 * expanded as wildcards expanded the same way, in this JVM's working directory.
	 * @return the arguments after the program name, {@code @argfiles} unexpanded
	 */
	static List<String> currentArguments() {
		List<WindowsCommandLine.Argument> all = WindowsLaunch.currentCommandLine();
		return all.isEmpty() ? List.of()
				: expandApplicationArguments(all.subList(1, all.size()), Path.of(System.getProperty("user.dir")));
	}

	/**
	 * Expands the wildcards of application arguments given on the command line, as the
	 * Java launcher does; options and arguments from {@code @argfiles} are never
	 * expanded.
	 * @param arguments the arguments after the program name
	 * @param workingDirectory the launcher's working directory
	 * @return the arguments as the Java launcher passed them on
	 */
	static List<String> expandApplicationArguments(List<WindowsCommandLine.Argument> arguments, Path workingDirectory) {
		List<String> texts = new ArrayList<>();
		arguments.forEach((argument) -> texts.add(argument.text()));
		int first = JavaCommandLine.firstApplicationArgument(texts, workingDirectory);
		List<String> expanded = new ArrayList<>(texts.subList(0, first));
		for (WindowsCommandLine.Argument argument : arguments.subList(first, arguments.size())) {
			if (argument.wildcard()) {
				expanded.addAll(expand(argument.text(), workingDirectory));
			}
			else {
				expanded.add(argument.text());
			}
		}
		return List.copyOf(expanded);
	}

	/**
	 * Expands one argument.
	 * @param argument the argument, as written
	 * @param workingDirectory the directory relative arguments are resolved against
	 * @return the matching files, or the argument alone
	 */
	static List<String> expand(String argument, Path workingDirectory) {
		File file = new File(argument);
		String parent = (file.getParent() != null) ? file.getParent() : ".";
		List<String> matches = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(workingDirectory.resolve(parent),
				file.getName())) {
			for (Path entry : entries) {
				matches.add(Path.of(parent).resolve(entry.getFileName()).normalize().toString());
			}
		}
		catch (Exception ex) {
			// As the Java launcher does: an argument that cannot be expanded is passed as
			// it is.
			return List.of(argument);
		}
		return matches.isEmpty() ? List.of(argument) : matches;
	}

}
