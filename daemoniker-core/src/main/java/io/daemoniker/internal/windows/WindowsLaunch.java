/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.platform.win32.WinBase;

import io.daemoniker.internal.launch.JavaCommandLine;

/**
 * Starts the daemon JVM on Windows: detached from the launcher's console
 * ({@code DETACHED_PROCESS}, or a console without a window for {@code java.exe}), in a
 * process group of its own so that the launcher's console's CTRL_C never reaches it, out
 * of the launcher's job when the job allows it, in its working directory, with pipes to
 * the launcher as its standard handles and no other handle inherited.
 */
public final class WindowsLaunch {

	private WindowsLaunch() {
	}

	/**
	 * Returns the arguments this JVM was started with, from {@code GetCommandLineW}
	 * ({@code ProcessHandle.Info.arguments()} is empty on Windows), split as the Java
	 * launcher split them, with application arguments that it expanded as wildcards
	 * expanded the same way.
	 * @return the arguments after the program name, {@code @argfiles} unexpanded
	 */
	public static List<String> currentArguments() {
		List<WindowsCommandLine.Argument> all = WindowsCommandLine.parse(Win32.commandLine());
		return all.isEmpty() ? List.of()
				: expandApplicationWildcards(all.subList(1, all.size()), Path.of(System.getProperty("user.dir")));
	}

	/**
	 * Expands the wildcards of application arguments given on the command line, as the
	 * Java launcher does; options and arguments from {@code @argfiles} are never
	 * expanded.
	 * @param arguments the arguments after the program name
	 * @param workingDirectory the launcher's working directory
	 * @return the arguments as the Java launcher passed them on
	 */
	static List<String> expandApplicationWildcards(List<WindowsCommandLine.Argument> arguments, Path workingDirectory) {
		List<String> texts = new ArrayList<>();
		arguments.forEach((argument) -> texts.add(argument.text()));
		int first = JavaCommandLine.firstApplicationArgument(texts, workingDirectory);
		List<String> expanded = new ArrayList<>(texts.subList(0, first));
		for (WindowsCommandLine.Argument argument : arguments.subList(first, arguments.size())) {
			if (argument.wildcard()) {
				expanded.addAll(ApplicationWildcards.expand(argument.text(), workingDirectory));
			}
			else {
				expanded.add(argument.text());
			}
		}
		return List.copyOf(expanded);
	}

	/**
	 * Returns the creation flags for the daemon.
	 * @param console whether the daemon's Java launcher is a console program
	 * @return the flags
	 */
	static int creationFlags(boolean console) {
		int flags = WinBase.CREATE_NEW_PROCESS_GROUP | WinBase.CREATE_BREAKAWAY_FROM_JOB;
		return flags | (console ? WinBase.CREATE_NO_WINDOW : WinBase.DETACHED_PROCESS);
	}

	/**
	 * Starts the daemon.
	 * @param command the daemon's command, program first
	 * @param directory its working directory
	 * @param handshakePrefix the prefix of the handshake lines
	 * @return the launcher's connection to it
	 * @throws IOException if it cannot be started
	 */
	public static Process start(List<String> command, Path directory, String handshakePrefix) throws IOException {
		String commandLine = WindowsCommandLine.join(command);
		Win32.Pipe in = Win32.pipe();
		Win32.Pipe out = null;
		Win32.Pipe err = null;
		try {
			out = Win32.pipe();
			err = Win32.pipe();
			Win32.Started started = Win32.start(commandLine, directory.toString(),
					creationFlags(WindowsJava.isConsoleLauncher(command.get(0))), in.read(), out.write(), err.write());
			// Only the daemon keeps these ends now.
			Win32.close(in.read());
			Win32.close(out.write());
			Win32.close(err.write());
			return new DaemonConnection(started, in.write(), out.read(), err.read(), handshakePrefix);
		}
		catch (IOException | RuntimeException ex) {
			for (Win32.Pipe pipe : new Win32.Pipe[] { in, out, err }) {
				if (pipe != null) {
					Win32.close(pipe.read());
					Win32.close(pipe.write());
				}
			}
			throw ex;
		}
	}

}
