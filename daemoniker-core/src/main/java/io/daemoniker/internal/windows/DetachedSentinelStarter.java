/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import io.daemoniker.internal.sentinel.Sentinel;
import io.daemoniker.internal.sentinel.SentinelStarter;
import org.jspecify.annotations.Nullable;

/**
 * Starts sentinels on Windows without a console ({@code DETACHED_PROCESS}), so that no
 * console host process comes with each of them, as it would with {@link ProcessBuilder},
 * which gives console programs a hidden console. The sentinel reads a pipe whose only
 * writing end the daemon holds, and its output goes to {@code NUL}; it inherits nothing
 * else.
 */
final class DetachedSentinelStarter implements SentinelStarter {

	private static final int STOP_GRACE_MILLIS = 2000;

	private final List<String> command;

	private final String directory;

	DetachedSentinelStarter(List<String> command, Path directory) {
		this.command = List.copyOf(command);
		this.directory = directory.toString();
	}

	@Override
	public Sentinel start() throws IOException {
		Win32.Pipe input = Win32.pipe();
		HANDLE nul = null;
		try {
			nul = Win32.kernel32()
				.CreateFile("NUL", WinNT.GENERIC_WRITE, WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE, null,
						WinNT.OPEN_EXISTING, WinNT.FILE_ATTRIBUTE_NORMAL, null);
			if (nul == null || WinBase.INVALID_HANDLE_VALUE.equals(nul)) {
				throw Win32.error("cannot open NUL");
			}
			Win32.Started started = Win32.start(WindowsCommandLine.join(this.command), this.directory,
					WinBase.DETACHED_PROCESS | WinBase.CREATE_NEW_PROCESS_GROUP,
					new HANDLE[] { input.read(), nul, nul });
			Win32.close(input.read());
			return new DetachedSentinel(started, input.write());
		}
		catch (IOException | RuntimeException ex) {
			Win32.close(input.read());
			Win32.close(input.write());
			throw ex;
		}
		finally {
			Win32.close(nul);
		}
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

	private static final class DetachedSentinel implements Sentinel {

		private final long pid;

		private final HANDLE process;

		private @Nullable HANDLE input;

		private volatile boolean forced;

		private boolean released;

		DetachedSentinel(Win32.Started started, HANDLE input) {
			this.pid = started.pid();
			this.process = started.handle();
			this.input = input;
		}

		@Override
		public long pid() {
			return this.pid;
		}

		@Override
		public int awaitExit() throws InterruptedException {
			// Waits in slices so that the waiting thread stays interruptible.
			while (Win32.kernel32().WaitForSingleObject(this.process, 500) == WinError.WAIT_TIMEOUT) {
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
			IntByReference exitCode = new IntByReference();
			if (!Win32.kernel32().GetExitCodeProcess(this.process, exitCode)) {
				throw new IllegalStateException(
						"cannot read the exit code of pid " + this.pid + ": " + Win32.describe(Native.getLastError()));
			}
			return exitCode.getValue();
		}

		@Override
		public synchronized void stop() {
			Win32.close(this.input);
			this.input = null;
			if (Win32.kernel32().WaitForSingleObject(this.process, STOP_GRACE_MILLIS) != WinBase.WAIT_OBJECT_0) {
				this.forced = true;
				Win32.kernel32().TerminateProcess(this.process, 0);
			}
		}

		@Override
		public boolean wasForced() {
			return this.forced;
		}

		@Override
		public synchronized void release() {
			if (!this.released) {
				this.released = true;
				Win32.close(this.input);
				this.input = null;
				Win32.close(this.process);
			}
		}

		@Override
		public String toString() {
			return "sentinel pid " + this.pid;
		}

	}

}
