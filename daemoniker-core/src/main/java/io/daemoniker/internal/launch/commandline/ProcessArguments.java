/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.mac.SystemB;
import com.sun.jna.platform.unix.LibCAPI;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.StartupException;
import io.daemoniker.internal.platform.CurrentProcess;

/**
 * Reads the whole command line of this JVM, however long. {@code ProcessHandle.Info} is
 * no use for this: on Linux the JDK reads at most one page of {@code /proc/self/cmdline}
 * and reports no arguments at all for longer command lines, which class paths of build
 * tools and IDEs routinely exceed. A JVM whose command line cannot be read is an error: a
 * daemon started without arguments would run another program, or none.
 * <p>
 * Public for the launcher's {@code Launcher}, which rebuilds the daemon's command line
 * from them.
 */
public final class ProcessArguments {

	private static final Path PROC_CMDLINE = Path.of("/proc/self/cmdline");

	private static final int CTL_KERN = 1;

	private static final int KERN_ARGMAX = 8;

	private static final int KERN_PROCARGS2 = 49;

	private ProcessArguments() {
	}

	/**
	 * Returns this JVM's arguments as the Java launcher received them, without the
	 * executable.
	 * @return the arguments, never empty
	 * @throws StartupException if they cannot be read or there are none
	 */
	public static List<String> current() {
		List<String> argv;
		String source;
		if (com.sun.jna.Platform.isMac()) {
			source = "sysctl KERN_PROCARGS2";
			argv = fromProcArgs2(readProcArgs2());
		}
		else {
			source = PROC_CMDLINE.toString();
			argv = fromCmdline(readCmdline());
		}
		if (argv.size() < 2) {
			throw new StartupException("cannot start the daemon: " + source + " holds no arguments for this JVM, "
					+ "and a daemon started without them would not run this program");
		}
		return argv.subList(1, argv.size());
	}

	/**
	 * Returns the arguments of this JVM on Windows, from {@code GetCommandLineW}, with
	 * the application arguments that the Java launcher expanded as wildcards expanded the
	 * same way ({@link ApplicationWildcards}).
	 * @return the arguments after the program name, {@code @argfiles} unexpanded; empty
	 * if the command line holds none
	 */
	public static List<String> currentOnWindows() {
		return ApplicationWildcards.currentArguments();
	}

	/**
	 * Splits the contents of {@code /proc/PID/cmdline}: each argument, the executable
	 * first, ends with a NUL byte.
	 * @param cmdline the file's bytes
	 * @return the arguments, the executable first
	 */
	static List<String> fromCmdline(byte[] cmdline) {
		List<String> argv = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < cmdline.length; i++) {
			if (cmdline[i] == 0) {
				argv.add(decode(cmdline, start, i));
				start = i + 1;
			}
		}
		if (start < cmdline.length) {
			// The last argument lacks its NUL only if the process rewrote its arguments.
			argv.add(decode(cmdline, start, cmdline.length));
		}
		return argv;
	}

	/**
	 * Parses what macOS's {@code sysctl} with {@code KERN_PROCARGS2} returns: the
	 * argument count as a native {@code int}, the executable's path and NUL padding, then
	 * that many NUL-terminated arguments (the executable as given first), then the
	 * environment.
	 * @param buffer the bytes returned, in native byte order
	 * @return the arguments, the executable first
	 */
	static List<String> fromProcArgs2(byte[] buffer) {
		if (buffer.length < Integer.BYTES) {
			return List.of();
		}
		ByteBuffer header = ByteBuffer.wrap(buffer, 0, Integer.BYTES).order(ByteOrder.nativeOrder());
		int argc = header.getInt();
		int i = Integer.BYTES;
		// Skip the executable's path, then the NULs that align what follows.
		while (i < buffer.length && buffer[i] != 0) {
			i++;
		}
		while (i < buffer.length && buffer[i] == 0) {
			i++;
		}
		List<String> argv = new ArrayList<>();
		while (argv.size() < argc && i < buffer.length) {
			int start = i;
			while (i < buffer.length && buffer[i] != 0) {
				i++;
			}
			argv.add(decode(buffer, start, i));
			i++;
		}
		return (argv.size() == argc) ? argv : List.of();
	}

	private static String decode(byte[] bytes, int from, int to) {
		// The launcher decodes its arguments with the platform's file name encoding.
		String encoding = System.getProperty("sun.jnu.encoding");
		Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
				: Charset.defaultCharset();
		return new String(bytes, from, to - from, charset);
	}

	private static byte[] readCmdline() {
		try {
			return Files.readAllBytes(PROC_CMDLINE);
		}
		catch (IOException ex) {
			throw new StartupException("cannot start the daemon: cannot read this JVM's command line from "
					+ PROC_CMDLINE + ": " + ex.getMessage(), ex);
		}
	}

	private static byte[] readProcArgs2() {
		try {
			SystemB system = SystemB.INSTANCE;
			IntByReference argMax = new IntByReference();
			LibCAPI.size_t.ByReference size = new LibCAPI.size_t.ByReference(Integer.BYTES);
			if (system.sysctl(new int[] { CTL_KERN, KERN_ARGMAX }, 2, argMax.getPointer(), size, null,
					LibCAPI.size_t.ZERO) != 0) {
				throw sysctlFailed("KERN_ARGMAX");
			}
			Memory buffer = new Memory(argMax.getValue());
			size = new LibCAPI.size_t.ByReference(argMax.getValue());
			int pid = (int) CurrentProcess.pid();
			if (system.sysctl(new int[] { CTL_KERN, KERN_PROCARGS2, pid }, 3, buffer, size, null,
					LibCAPI.size_t.ZERO) != 0) {
				throw sysctlFailed("KERN_PROCARGS2");
			}
			return buffer.getByteArray(0, (int) size.longValue());
		}
		catch (LinkageError ex) {
			throw new StartupException(
					"cannot start the daemon: cannot load sysctl to read this JVM's command line: " + ex.getMessage(),
					ex);
		}
	}

	private static StartupException sysctlFailed(String name) {
		return new StartupException("cannot start the daemon: sysctl " + name
				+ " failed to read this JVM's command line: errno " + Native.getLastError());
	}

}
