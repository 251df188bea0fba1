/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.SignalNotDeliveredException;
import io.daemoniker.internal.platform.SignalSource;
import org.jspecify.annotations.Nullable;

/**
 * Windows. Signals are exit codes given to the daemon's sentinel process with
 * {@code TerminateProcess}; the holder of a PID file's lock cannot be named, only
 * detected; the daemon's standard streams are its target files from the start, and it
 * talks to its launcher through two pipes that the launcher names on its command line
 * ({@link ChannelHandles}).
 */
public final class WindowsPlatform implements Platform {

	private static final int WAIT_FOR_END_MILLIS = 5000;

	private @Nullable ChannelHandles channel;

	private @Nullable HandshakeChannel handshake;

	/**
	 * Reads the launch request from the pipe the launcher named on the command line.
	 */
	@Override
	public InputStream launchRequest() throws IOException {
		HANDLE request = Win32.handle(channel().request());
		// Read once, and never by the programs this daemon starts.
		Win32.inheritable(request, false);
		return new PipeStreams.PipeInputStream(request);
	}

	@Override
	public void tellLauncher(String line) {
		try {
			handshake().writeLine(line);
		}
		catch (IOException ex) {
			// The launcher is gone: nobody is left to tell.
		}
	}

	/**
	 * Nothing to redirect: the launcher gave the daemon its target files as standard
	 * handles when it started it, so {@code System.in/out/err}, the JVM's own output,
	 * native code and the programs the daemon starts with inherited streams all use them
	 * already. Returns the pipe for the handshake.
	 */
	@Override
	public StatusChannel redirectStdio(Path stdin, Path stdout, Path stderr) throws IOException {
		return handshake();
	}

	private synchronized ChannelHandles channel() throws IOException {
		if (this.channel == null) {
			this.channel = ChannelHandles.parse(System.getProperty(ChannelHandles.PROPERTY))
				.orElseThrow(() -> new IOException("this daemon was not started with the pipes of a Daemoniker "
						+ "launcher (-D" + ChannelHandles.PROPERTY + "); start it with Daemoniker.daemonize"));
			System.clearProperty(ChannelHandles.PROPERTY);
		}
		return this.channel;
	}

	private synchronized HandshakeChannel handshake() throws IOException {
		if (this.handshake == null) {
			HANDLE handle = Win32.handle(channel().handshake());
			Win32.inheritable(handle, false);
			this.handshake = new HandshakeChannel(new PipeStreams.PipeOutputStream(handle));
		}
		return this.handshake;
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
				WinNT.PROCESS_TERMINATE | WinNT.SYNCHRONIZE | WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false,
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
	public SignalSource signalSource(Path pidFile) {
		return WindowsSignals.source(pidFile);
	}

	@Override
	public boolean pidFileNamesSentinel() {
		return true;
	}

	@Override
	public Path nullDevice() {
		return Path.of("NUL");
	}

	@Override
	public Optional<String> standardOutputOf(long pid) {
		return Optional.empty();
	}

	@Override
	public OptionalLong lockHolder(Path file) throws IOException {
		return WindowsLockProbe.holderOf(file);
	}

	/**
	 * The pipe that carries the handshake to the launcher. Closing it tells the launcher
	 * that nothing more will come.
	 */
	private static final class HandshakeChannel implements StatusChannel {

		private @Nullable OutputStream out;

		HandshakeChannel(OutputStream out) {
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

		@Override
		public synchronized void close() {
			if (this.out != null) {
				try {
					this.out.close();
				}
				catch (IOException ex) {
					// Closing a pipe handle does not fail in a way that could be helped.
				}
				this.out = null;
			}
		}

	}

}
