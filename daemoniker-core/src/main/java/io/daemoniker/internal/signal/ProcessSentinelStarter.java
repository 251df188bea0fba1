/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.signal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts sentinels with {@link ProcessBuilder}. The sentinel is any program that waits
 * until its standard input ends and then exits with status 0: the daemon holds the only
 * writing end of that pipe, so the sentinel ends by itself when the daemon dies, however
 * it dies, and never outlives it. Its output goes nowhere.
 */
public final class ProcessSentinelStarter implements SentinelStarter {

	private static final long STOP_GRACE_MILLIS = 2000;

	private final List<String> command;

	/**
	 * Creates a starter.
	 * @param command the sentinel's command, which must wait for the end of its standard
	 * input
	 */
	public ProcessSentinelStarter(List<String> command) {
		this.command = List.copyOf(command);
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
		Process process = new ProcessBuilder(this.command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		return new ProcessSentinel(process);
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
