/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import io.daemoniker.StartupException;
import io.daemoniker.internal.launch.Handshake;
import io.daemoniker.internal.platform.SignalNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Watches a daemon start from the launcher: copies whatever it prints before it redirects
 * its standard streams to the launcher's own, picks the handshake lines out of its
 * standard output, and tells how the start ended.
 */
final class StartupWatch implements AutoCloseable {

	private static final int REMEMBERED_ERROR_LINES = 200;

	private final Process intermediate;

	private final String prefix;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final Deque<String> lastErrorLines = new ArrayDeque<>();

	private final Thread outputReader;

	private final Thread errorReader;

	private final @Nullable StatusFifo status;

	private volatile long spawnedPid = -1;

	StartupWatch(Process intermediate, String token) {
		this(intermediate, token, null);
	}

	/**
	 * Starts watching.
	 * @param intermediate the intermediate shell
	 * @param token the start's token
	 * @param status the FIFO through which a daemon whose start the shell prepared
	 * confirms, or {@code null}
	 */
	StartupWatch(Process intermediate, String token, @Nullable Path status) {
		this.intermediate = intermediate;
		this.prefix = Handshake.prefix(token) + " ";
		this.status = (status != null) ? new StatusFifo(status, new StatusLines()) : null;
		this.outputReader = start("daemoniker-startup-stdout", new StreamReader(false));
		this.errorReader = start("daemoniker-startup-stderr", new StreamReader(true));
	}

	/**
	 * Returns the daemon's PID, once the intermediate shell has named it.
	 * @return the PID, or -1
	 */
	long spawnedPid() {
		return this.spawnedPid;
	}

	private static Thread start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Aborts the start: the launcher received a signal.
	 * @param signum the signal
	 */
	void interrupt(int signum) {
		this.events.add(Event.interrupted(signum));
	}

	/**
	 * Returns a listener that aborts the start, for {@code StartInterruption}.
	 * @return the listener
	 */
	IntConsumer interrupter() {
		return new Interrupter();
	}

	/**
	 * Waits until the daemon confirms start-up. On any other outcome the daemon is
	 * stopped if it still runs, and its PID file removed if it left one.
	 * @param timeout how long to wait
	 * @param stopper stops a daemon by PID and cleans up its PID file
	 * @param pidFile the daemon's PID file
	 * @param outputs what the daemon appends to its output files
	 * @return the daemon's PID
	 * @throws StartupException if the daemon failed, exited or did not answer in time
	 * @throws Interrupted if the launcher was told to abort the start
	 */
	long awaitReady(Duration timeout, Stopper stopper, Path pidFile, OutputTail outputs) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long daemonPid = -1;
		int interruptedBy = 0;
		while (true) {
			Event event;
			try {
				event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				abandon(daemonPid, stopper, pidFile);
				throw new StartupException("interrupted while waiting for the daemon to start", ex);
			}
			if (event == null) {
				if (interruptedBy != 0) {
					throw abort(interruptedBy, daemonPid, stopper, pidFile);
				}
				abandon(daemonPid, stopper, pidFile);
				throw new StartupException("the daemon" + pidText(daemonPid) + " did not confirm its start-up within "
						+ describe(timeout) + " and was stopped; raise the success timeout if it needs longer"
						+ outputs.describe().map((tail) -> "\n" + tail).orElse(""));
			}
			if (event.kind == Kind.SPAWNED) {
				daemonPid = event.pid;
			}
			if (event.kind == Kind.INTERRUPTED && interruptedBy == 0) {
				interruptedBy = (int) event.pid;
				if (daemonPid < 0 && this.intermediate.isAlive()) {
					// The shell may be starting the daemon this very moment: wait a
					// little for the line that names it, so that it is stopped too.
					deadline = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
					continue;
				}
			}
			if (interruptedBy != 0) {
				// Whatever happened since, the start is aborted.
				throw abort(interruptedBy, daemonPid, stopper, pidFile);
			}
			switch (event.kind) {
				case SPAWNED, INTERRUPTED -> {
					// Noted above.
				}
				case READY -> {
					return event.pid;
				}
				case FAILED -> {
					join(this.outputReader, 5000);
					join(this.errorReader, 1000);
					abandon(daemonPid, stopper, pidFile);
					throw new StartupException(
							"the daemon" + pidText(daemonPid) + " failed to start: " + event.message);
				}
				case CLOSED -> {
					join(this.errorReader, 2000);
					abandon(daemonPid, stopper, pidFile);
					throw new StartupException(exitedMessage(daemonPid, outputs));
				}
			}
		}
	}

	/**
	 * Stops whatever the start left behind after the launcher was interrupted: the
	 * daemon, or, if its PID never arrived, whatever the intermediate shell started.
	 */
	private Interrupted abort(int signum, long daemonPid, Stopper stopper, Path pidFile) {
		String signal = "SIG" + SignalNumbers.name(signum);
		List<Long> stopped = new ArrayList<>();
		boolean removed = false;
		if (daemonPid > 0) {
			removed = stopper.stop(daemonPid, pidFile);
			stopped.add(daemonPid);
		}
		else {
			for (ProcessHandle child : children()) {
				removed |= stopper.stop(child.pid(), pidFile);
				stopped.add(child.pid());
			}
		}
		String what = stopped.isEmpty() ? "no daemon had been started yet" : "stopped the starting daemon (pid "
				+ stopped.get(0) + ")" + (removed ? " and removed its PID file " + pidFile : "");
		return new Interrupted(signum, "start-up interrupted by " + signal + ": " + what);
	}

	private List<ProcessHandle> children() {
		try {
			return ProcessHandle.of(this.intermediate.pid())
				.map((shell) -> shell.children().toList())
				.orElse(List.of());
		}
		catch (UnsupportedOperationException ex) {
			return List.of();
		}
	}

	private String exitedMessage(long daemonPid, OutputTail outputs) {
		String cause;
		synchronized (this.lastErrorLines) {
			cause = this.lastErrorLines.stream()
				.filter((line) -> !line.isBlank())
				.filter((line) -> !line.startsWith("\tat ") && !line.startsWith("\t... "))
				.findFirst()
				.orElse(null);
		}
		if (daemonPid < 0) {
			Integer shellStatus = exitStatus();
			if (shellStatus != null && shellStatus == 125) {
				return "the daemon could not be started: its working directory or umask was refused"
						+ ((cause != null) ? " (" + cause + ")" : "");
			}
		}
		String exited = "the daemon" + pidText(daemonPid) + " exited before confirming its start-up";
		if (cause != null) {
			return exited + ": " + cause;
		}
		Optional<String> tail = outputs.describe();
		if (tail.isEmpty()) {
			return exited + "; it printed nothing on its standard error, and nothing in its output files";
		}
		// It had redirected its streams: what it printed on standard error since is only
		// where that went.
		return exited + "; " + tail.get() + outputs.discardedErrors().map((note) -> "\n" + note).orElse("");
	}

	private @Nullable Integer exitStatus() {
		try {
			return this.intermediate.waitFor(2, TimeUnit.SECONDS) ? this.intermediate.exitValue() : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Stops the daemon if it still runs, and removes its PID file if it left one: a
	 * daemon that died of its own (out of memory, say) may not have removed it.
	 */
	private static void abandon(long daemonPid, Stopper stopper, Path pidFile) {
		if (daemonPid > 0) {
			stopper.stop(daemonPid, pidFile);
		}
	}

	private static String pidText(long pid) {
		return (pid > 0) ? " (pid " + pid + ")" : "";
	}

	private static String describe(Duration timeout) {
		return (timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

	private void readOutput() {
		try (InputStream in = this.intermediate.getInputStream()) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				line.write(b);
				if (b == '\n') {
					handleOutputLine(line.toString(Charset.defaultCharset()));
					line.reset();
				}
			}
			if (line.size() > 0) {
				handleOutputLine(line.toString(Charset.defaultCharset()));
			}
		}
		catch (IOException ex) {
			// The pipe broke: the daemon is gone, which CLOSED reports.
		}
		this.events.add(Event.closed());
	}

	private void handleOutputLine(String line) {
		if (!line.startsWith(this.prefix)) {
			relay(System.out, line);
			return;
		}
		String body = line.substring(this.prefix.length()).stripTrailing();
		int space = body.indexOf(' ');
		String kind = (space < 0) ? body : body.substring(0, space);
		String value = (space < 0) ? "" : body.substring(space + 1);
		switch (kind) {
			case "spawned" -> {
				this.spawnedPid = Long.parseLong(value);
				// The shell made the FIFO before it started the daemon.
				if (this.status != null) {
					this.status.open();
				}
				this.events.add(Event.spawned(this.spawnedPid));
			}
			case "ready" -> this.events.add(Event.ready(Long.parseLong(value)));
			case "failed" -> this.events.add(Event.failed(Handshake.unescape(value)));
			default -> relay(System.out, line);
		}
	}

	/**
	 * Returns whether a handshake line's body is {@code ready} and a PID of 1 to 18
	 * digits; tested by hand, not by a regular expression, whose first use would cost the
	 * launcher's short-lived JVM the start of the engine just before it exits.
	 */
	static boolean isReadyLine(String body) {
		if (!body.startsWith("ready ") || body.length() < 7 || body.length() > 24) {
			return false;
		}
		for (int i = 6; i < body.length(); i++) {
			if (body.charAt(i) < '0' || body.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Takes the handshake lines from the FIFO, and only those: nothing else writes there.
	 */
	private void handleStatusLine(String line) {
		if (!line.startsWith(this.prefix)) {
			return;
		}
		String body = line.substring(this.prefix.length()).stripTrailing();
		if (isReadyLine(body)) {
			this.events.add(Event.ready(Long.parseLong(body.substring(6))));
		}
		else if (body.startsWith("failed ")) {
			this.events.add(Event.failed(Handshake.unescape(body.substring(7))));
		}
	}

	private void readErrors() {
		try (InputStream in = this.intermediate.getErrorStream()) {
			byte[] buffer = new byte[8192];
			StringBuilder partial = new StringBuilder();
			int read;
			while ((read = in.read(buffer)) != -1) {
				System.err.write(buffer, 0, read);
				System.err.flush();
				remember(partial.append(new String(buffer, 0, read, Charset.defaultCharset())));
			}
			if (partial.length() > 0) {
				remember(partial.append('\n'));
			}
		}
		catch (IOException ex) {
			// The pipe broke: nothing more to copy.
		}
	}

	private void remember(StringBuilder text) {
		int newline;
		while ((newline = text.indexOf("\n")) >= 0) {
			String line = text.substring(0, newline).stripTrailing();
			text.delete(0, newline + 1);
			synchronized (this.lastErrorLines) {
				this.lastErrorLines.addLast(line);
				if (this.lastErrorLines.size() > REMEMBERED_ERROR_LINES) {
					this.lastErrorLines.removeFirst();
				}
			}
		}
	}

	private static void relay(PrintStream stream, String line) {
		stream.print(line);
		stream.flush();
	}

	private static void join(Thread thread, long millis) {
		try {
			thread.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Finishes copying what the daemon printed, once the intermediate shell is gone, and
	 * closes the pipes.
	 */
	@Override
	public void close() {
		if (this.status != null) {
			this.status.close();
		}
		join(this.outputReader, 1000);
		join(this.errorReader, 1000);
		try {
			this.intermediate.getInputStream().close();
			this.intermediate.getErrorStream().close();
		}
		catch (IOException ex) {
			// Closing pipes to a process that is gone can only fail harmlessly.
		}
	}

	/*
	 * The three classes below stand where method references would: the launcher is a
	 * short-lived JVM, and the first use of each lambda or method reference costs it a
	 * generated class.
	 */

	private final class StreamReader implements Runnable {

		private final boolean errors;

		StreamReader(boolean errors) {
			this.errors = errors;
		}

		@Override
		public void run() {
			if (this.errors) {
				readErrors();
			}
			else {
				readOutput();
			}
		}

	}

	private final class StatusLines implements Consumer<String> {

		@Override
		public void accept(String line) {
			handleStatusLine(line);
		}

	}

	private final class Interrupter implements IntConsumer {

		@Override
		public void accept(int signum) {
			interrupt(signum);
		}

	}

	/**
	 * Stops a daemon that did not start properly.
	 */
	@FunctionalInterface
	interface Stopper {

		/**
		 * Stops a daemon if it still runs and removes its PID file if it left one.
		 * @param pid the daemon
		 * @param pidFile its PID file
		 * @return whether a PID file was removed
		 */
		boolean stop(long pid, Path pidFile);

	}

	/**
	 * The launcher was told, by a signal, to abort the start; everything it started is
	 * stopped.
	 */
	static final class Interrupted extends StartupException {

		private static final long serialVersionUID = 1L;

		private final int signum;

		Interrupted(int signum, String message) {
			super(message);
			this.signum = signum;
		}

		/**
		 * Returns the status the launcher exits with: the shell's for a process ended by
		 * the signal.
		 * @return 128 plus the signal number
		 */
		int exitStatus() {
			return 128 + this.signum;
		}

	}

	private record Event(Kind kind, long pid, @Nullable String message) {

		static Event spawned(long pid) {
			return new Event(Kind.SPAWNED, pid, null);
		}

		static Event ready(long pid) {
			return new Event(Kind.READY, pid, null);
		}

		static Event failed(String message) {
			return new Event(Kind.FAILED, -1, message);
		}

		static Event closed() {
			return new Event(Kind.CLOSED, -1, null);
		}

		static Event interrupted(int signum) {
			return new Event(Kind.INTERRUPTED, signum, null);
		}

	}

	private enum Kind {

		SPAWNED, READY, FAILED, CLOSED, INTERRUPTED

	}

}
