/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.Wincon;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.SignalNotDeliveredException;
import org.jspecify.annotations.Nullable;

/**
 * Windows. Signals are exit codes given to the daemon's sentinel process with
 * {@code TerminateProcess}; the holder of a PID file's lock cannot be named, only
 * detected; standard streams are redirected both for Java ({@code System.in/out/err}) and
 * for Windows ({@code SetStdHandle}, which children started later inherit).
 */
public final class WindowsPlatform implements Platform {

	private static final int WAIT_FOR_END_MILLIS = 5000;

	@Override
	public StatusChannel redirectStdio(Path stdin, Path stdout, Path stderr) throws IOException {
		System.out.flush();
		System.err.flush();
		InputStream in = new FileInputStream(stdin.toFile());
		FileOutputStream out = null;
		FileOutputStream err = null;
		HANDLE[] handles = new HANDLE[3];
		try {
			out = new FileOutputStream(stdout.toFile(), true);
			err = stdout.equals(stderr) ? out : new FileOutputStream(stderr.toFile(), true);
			handles[0] = open(stdin, WinNT.GENERIC_READ, WinNT.OPEN_EXISTING);
			handles[1] = open(stdout, WindowsApi.FILE_APPEND_DATA, WinNT.OPEN_ALWAYS);
			handles[2] = stdout.equals(stderr) ? handles[1]
					: open(stderr, WindowsApi.FILE_APPEND_DATA, WinNT.OPEN_ALWAYS);
		}
		catch (IOException ex) {
			closeQuietly(in);
			closeQuietly(out);
			closeQuietly(err);
			for (HANDLE handle : handles) {
				Win32.close(handle);
			}
			throw ex;
		}
		Kernel32 kernel32 = Win32.kernel32();
		int[] which = { Wincon.STD_INPUT_HANDLE, Wincon.STD_OUTPUT_HANDLE, Wincon.STD_ERROR_HANDLE };
		for (int i = 0; i < 3; i++) {
			HANDLE old = kernel32.GetStdHandle(which[i]);
			if (old != null && !WinBase.INVALID_HANDLE_VALUE.equals(old)) {
				// Programs the daemon starts later must not hold the launcher's pipes.
				kernel32.SetHandleInformation(old, WinBase.HANDLE_FLAG_INHERIT, 0);
			}
			kernel32.SetStdHandle(which[i], handles[i]);
		}
		// The JVM's own FileDescriptor.out still names the pipe to the launcher: it is
		// the
		// channel back to it. It is never closed, since the JVM and native code may still
		// write to that handle and a closed handle's number may be reused for another
		// file.
		OutputStream launcher = new FileOutputStream(FileDescriptor.out);
		Charset charset = streamCharset();
		System.setIn(in);
		System.setOut(new PrintStream(out, true, charset));
		System.setErr((err == out) ? System.out : new PrintStream(err, true, charset));
		return new LauncherChannel(launcher);
	}

	private static HANDLE open(Path path, int access, int disposition) throws IOException {
		WinBase.SECURITY_ATTRIBUTES inheritable = new WinBase.SECURITY_ATTRIBUTES();
		inheritable.bInheritHandle = true;
		HANDLE handle = Win32.kernel32()
			.CreateFile(path.toString(), access,
					WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, inheritable, disposition,
					WinNT.FILE_ATTRIBUTE_NORMAL, null);
		if (handle == null || WinBase.INVALID_HANDLE_VALUE.equals(handle)) {
			throw new IOException("cannot open " + path + ": " + Win32.describe(Native.getLastError()));
		}
		return handle;
	}

	private static Charset streamCharset() {
		for (String property : new String[] { "stdout.encoding", "sun.stdout.encoding", "native.encoding" }) {
			String name = System.getProperty(property);
			if (name != null && Charset.isSupported(name)) {
				return Charset.forName(name);
			}
		}
		return Charset.defaultCharset();
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Opened by us a moment ago and not used: nothing to lose.
			}
		}
	}

	/**
	 * Nothing to do: Windows processes inherit no ignored signals.
	 */
	@Override
	public void restoreIgnoredSignals(int... signums) {
	}

	/**
	 * Ends a process with the signal number as its exit code, waits until it has ended,
	 * and checks that it ended with that code. For a daemon that handles signals the
	 * process is its sentinel, which the daemon replaces; a daemon that handles none ends
	 * at once, without running shutdown hooks.
	 * @throws SignalNotDeliveredException if the process had already ended or another
	 * signal ended it first; sending again to the PID the file names next delivers it
	 */
	@Override
	public void kill(long pid, int signum) throws IOException {
		killIf(pid, signum, () -> true);
	}

	/**
	 * Pins the process by opening a handle to it (Windows does not give its PID to
	 * another process while a handle is open), runs the check, and only then ends it as
	 * {@link #kill(long, int)} does.
	 */
	@Override
	public boolean killIf(long pid, int signum, BooleanSupplier stillTheProcess) throws IOException {
		Kernel32 kernel32 = Win32.kernel32();
		HANDLE process = kernel32.OpenProcess(
				WinNT.PROCESS_TERMINATE | WindowsApi.SYNCHRONIZE | WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false,
				Math.toIntExact(pid));
		if (process == null) {
			int code = Native.getLastError();
			if (code == WinError.ERROR_INVALID_PARAMETER) {
				throw new SignalNotDeliveredException("pid " + pid + " is not running");
			}
			throw new IOException("cannot open pid " + pid + ": " + Win32.describe(code));
		}
		try {
			if (hasEnded(process)) {
				throw new SignalNotDeliveredException("pid " + pid + " had already ended");
			}
			if (!stillTheProcess.getAsBoolean()) {
				return false;
			}
			if (!kernel32.TerminateProcess(process, signum)) {
				int code = Native.getLastError();
				if (code == WinError.ERROR_ACCESS_DENIED && hasEnded(process)) {
					throw new SignalNotDeliveredException("pid " + pid + " had already ended");
				}
				throw new IOException("cannot end pid " + pid + ": " + Win32.describe(code));
			}
			if (kernel32.WaitForSingleObject(process, WAIT_FOR_END_MILLIS) != WinBase.WAIT_OBJECT_0) {
				throw new IOException("pid " + pid + " did not end within " + WAIT_FOR_END_MILLIS + " ms");
			}
			IntByReference exitCode = new IntByReference();
			if (kernel32.GetExitCodeProcess(process, exitCode) && exitCode.getValue() != signum) {
				throw new SignalNotDeliveredException(
						"pid " + pid + " was ended with exit code " + exitCode.getValue() + " by someone else first");
			}
			return true;
		}
		finally {
			Win32.close(process);
		}
	}

	private static boolean hasEnded(HANDLE process) {
		IntByReference exitCode = new IntByReference();
		return Win32.kernel32().GetExitCodeProcess(process, exitCode) && exitCode.getValue() != WinBase.STILL_ACTIVE;
	}

	/**
	 * Probes the lock; Windows cannot name its holder.
	 * @return {@link Platform#UNNAMED_HOLDER} when locked, or empty
	 */
	@Override
	public OptionalLong lockHolder(Path file) throws IOException {
		return WindowsLockProbe.holderOf(file);
	}

	/**
	 * The pipe to the launcher, as the JVM opened it at start-up.
	 */
	private static final class LauncherChannel implements StatusChannel {

		private @Nullable OutputStream out;

		LauncherChannel(OutputStream out) {
			this.out = out;
		}

		@Override
		public synchronized void writeLine(String line) throws IOException {
			if (this.out == null) {
				throw new IOException("the channel to the launcher is closed");
			}
			this.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		/**
		 * Stops using the pipe without closing the handle (see redirectStdio): the
		 * launcher stops reading once it has the handshake line.
		 */
		@Override
		public synchronized void close() {
			this.out = null;
		}

	}

}
