/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts sentinels with {@link ProcessBuilder}. The sentinel is any program that waits
 * until its standard input ends and then exits with status 0: the daemon holds the only
 * writing end of that pipe, so the sentinel ends by itself when the daemon dies, however
 * it dies, and never outlives it. Its output goes nowhere.
 * <p>
 * A sentinel that announces itself writes one byte when it runs, and is handed out only
 * then: one that cannot start (a JVM refusing an option exits with status 1, which is
 * also the number of SIGHUP) is a failure to start, not a signal.
 */
public final class ProcessSentinelStarter implements SentinelStarter {

	private static final long STOP_GRACE_MILLIS = 2000;

	private final List<String> command;

	private final boolean announces;

	/**
	 * Creates a starter.
	 * @param command the sentinel's command, which must wait for the end of its standard
	 * input
	 * @param announces whether the sentinel writes one byte on its standard output once
	 * it runs, as {@link SentinelMain} does
	 */
	public ProcessSentinelStarter(List<String> command, boolean announces) {
		this.command = List.copyOf(command);
		this.announces = announces;
	}

	/**
	 * Returns the command that starts each sentinel.
	 * @return the command
	 */
	public List<String> command() {
		return this.command;
	}

	@Override
	public Sentinel start() throws IOException {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectError(ProcessBuilder.Redirect.DISCARD);
		if (!this.announces) {
			builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		}
		Process process = builder.start();
		if (this.announces) {
			awaitAnnouncement(process);
		}
		return new ProcessSentinel(process);
	}

	private void awaitAnnouncement(Process process) throws IOException {
		try (InputStream out = process.getInputStream()) {
			if (out.read() == SentinelMain.READY) {
				return;
			}
		}
		catch (IOException ex) {
			// Reported below with the exit status.
		}
		process.getOutputStream().close();
		String status;
		try {
			status = process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = "interrupted";
		}
		process.destroyForcibly();
		throw new IOException("the sentinel (pid " + process.pid() + ") did not start (" + status + ")");
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

	private static final class ProcessSentinel implements Sentinel {

		private final Process process;

		private volatile boolean forced;

		ProcessSentinel(Process process) {
			this.process = process;
		}

		@Override
		public long pid() {
			return this.process.pid();
		}

		@Override
		public int awaitExit() throws InterruptedException {
			return this.process.waitFor();
		}

		@Override
		public void stop() {
			try {
				this.process.getOutputStream().close();
				if (this.process.waitFor(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			catch (IOException ex) {
				// Could not close its input: force it below.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.forced = true;
			this.process.destroyForcibly();
		}

		@Override
		public boolean wasForced() {
			return this.forced;
		}

		@Override
		public String toString() {
			return "sentinel pid " + pid();
		}

	}

}
