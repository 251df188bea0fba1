/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Starts the daemon JVM on Windows: detached from the launcher's console
 * ({@code DETACHED_PROCESS}, or a console without a window for {@code java.exe}), in a
 * process group of its own so that the launcher's console's CTRL_C never reaches it, out
 * of the launcher's job when the job allows it, in its working directory, with its target
 * files as its standard handles, two pipes to the launcher and no other handle inherited.
 */
public final class WindowsLaunch {

	/**
	 * Write access that only appends, as the JDK opens the file that a child's output is
	 * appended to ({@code ProcessBuilder.Redirect.appendTo}): every write goes to the
	 * end, whoever else writes to the file.
	 */
	private static final int APPEND_ONLY = WinNT.FILE_GENERIC_WRITE & ~WinNT.FILE_WRITE_DATA;

	/**
	 * How many characters {@link #start} may add to the daemon's command line, which
	 * whoever keeps the command line within Windows' limit must leave room for.
	 */
	public static final int ADDED_COMMAND_LINE_CHARS = ChannelHandles.MAX_OPTION_CHARS;

	private WindowsLaunch() {
	}

	/**
	 * Returns the command line this JVM was started with, from {@code GetCommandLineW}
	 * ({@code ProcessHandle.Info.arguments()} is empty on Windows), split as the Java
	 * launcher split it. Split by {@link WindowsCommandLine}, not by
	 * {@code CommandLineToArgvW}: {@code main} received what the Java launcher's rules
	 * made of the line, which differ from Windows' own on runs of quotes, and only those
	 * rules tell which arguments the launcher took for wildcards.
	 * @return the arguments, the program name first, {@code @argfiles} unexpanded and
	 * wildcards not yet expanded
	 */
	public static List<WindowsCommandLine.Argument> currentCommandLine() {
		return WindowsCommandLine.parse(Win32.commandLine());
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
	 * Starts the daemon with its target files as its standard handles, so that the JVM,
	 * native code and the programs it starts with inherited streams write to them from
	 * the start, and with two more pipes to the launcher, for the launch request and the
	 * handshake ({@link ChannelHandles}).
	 * @param command the daemon's command, program first
	 * @param directory its working directory
	 * @param handshakePrefix the prefix of the handshake lines
	 * @param stdio the files for the daemon's standard input, output and error
	 * @return the launcher's connection to it
	 * @throws IOException if a file cannot be opened or the daemon cannot be started
	 */
	public static Process start(List<String> command, Path directory, String handshakePrefix, StandardTargets stdio)
			throws IOException {
		List<HANDLE> opened = new ArrayList<>();
		Win32.Pipe request = null;
		Win32.Pipe handshake = null;
		try {
			HANDLE in = Win32.openFile(stdio.stdin(), WinNT.GENERIC_READ, WinNT.OPEN_EXISTING);
			opened.add(in);
			HANDLE out = Win32.openFile(stdio.stdout(), APPEND_ONLY, WinNT.OPEN_ALWAYS);
			opened.add(out);
			HANDLE err = out;
			if (!stdio.stderr().equals(stdio.stdout())) {
				err = Win32.openFile(stdio.stderr(), APPEND_ONLY, WinNT.OPEN_ALWAYS);
				opened.add(err);
			}
			// What the daemon prints on its standard error before it confirms is shown by
			// the launcher, as on Unix: from the file, since the daemon writes there.
			long errorsFrom = Files.isRegularFile(stdio.stderr()) ? Files.size(stdio.stderr()) : -1;
			request = Win32.pipe();
			handshake = Win32.pipe();
			ChannelHandles channel = new ChannelHandles(Win32.value(request.read()), Win32.value(handshake.write()));
			String commandLine = WindowsCommandLine.join(channel.addTo(command));
			Win32.Started started = Win32.start(commandLine, directory.toString(),
					creationFlags(WindowsJava.isConsoleLauncher(command.get(0))), new HANDLE[] { in, out, err },
					request.read(), handshake.write());
			// Only the daemon keeps these now.
			Win32.close(request.read());
			Win32.close(handshake.write());
			return new DaemonConnection(started, request.write(), handshake.read(), handshakePrefix,
					(errorsFrom >= 0) ? stdio.stderr() : null, errorsFrom);
		}
		catch (IOException | RuntimeException ex) {
			for (Win32.Pipe pipe : new Win32.Pipe[] { request, handshake }) {
				if (pipe != null) {
					Win32.close(pipe.read());
					Win32.close(pipe.write());
				}
			}
			throw ex;
		}
		finally {
			opened.forEach(Win32::close);
		}
	}

	/**
	 * Where the daemon's standard streams go.
	 *
	 * @param stdin the file standard input reads
	 * @param stdout the file standard output appends to
	 * @param stderr the file standard error appends to, which may be {@code stdout}
	 */
	public record StandardTargets(Path stdin, Path stdout, Path stderr) {
	}

}
