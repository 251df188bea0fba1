/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.daemoniker.internal.platform.Platform;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.SignalSource;
import io.daemoniker.internal.signal.BuiltInSignalActions;
import io.daemoniker.internal.signal.SignalDispatcher;
import org.jspecify.annotations.Nullable;

/**
 * Handles the signals a daemon receives: {@code SIGINT}, {@code SIGTERM} and
 * {@code SIGABRT} as in the Python library, and {@code SIGHUP} and {@code SIGUSR1}, which
 * Java daemons use to reload and to report. Other processes send them with
 * {@link Daemoniker#send}.
 * <p>
 * Each signal has a handler: a {@link SignalAction}, {@link #IGNORE_SIGNAL}, or
 * {@code null} for the default handler. Handlers can be replaced at any time, before or
 * after {@link #start()}. They run one at a time, in order of arrival, never on the
 * thread that registered them (on Unix, on the thread the JVM starts for the delivery; on
 * Windows, on a dispatch thread); a signal that the JVM has received while a handler runs
 * is queued and runs next. Handlers must be thread-safe with respect to the rest of the
 * application.
 * <p>
 * The guarantee is one handler run per signal that the JVM receives, not per signal sent:
 * on Unix the kernel keeps at most one pending instance of each standard signal, so
 * signals of one kind that arrive faster than the JVM takes them are merged into one
 * before Java sees them (1000 {@code SIGHUP}s sent in a tight loop have given as few as 3
 * handler runs on a loaded machine). A handler should therefore act on the current state
 * (reload the whole configuration) rather than count deliveries.
 * <p>
 * The default handler hands the signal, as the matching {@link ReceivedSignal} exception,
 * to a thread waiting in {@link #awaitSignal()}; when no thread waits, it ends the JVM in
 * an orderly way: shutdown hooks run, the PID file is removed, and the exit status is 128
 * plus the signal number, as a shell reports a process killed by that signal.
 * <p>
 * Daemoniker's own action for a signal, reopening the standard streams on the signal of
 * {@link DaemonizeOptions.Builder#reopenStreamsOn(String)} ({@code SIGHUP} by default),
 * runs first, before the handler. With the default handler, such a signal is still handed
 * to a thread waiting in {@link #awaitSignal()}, but when no thread waits it counts as
 * handled and does not end the JVM. {@link #IGNORE_SIGNAL} ignores the signal altogether,
 * Daemoniker's action included.
 *
 * <pre class="code">
 * SignalHandler1 signals = new SignalHandler1(pidFile);
 * signals.setSighup((signum) -&gt; reloadConfiguration());
 * signals.start();
 * try {
 *     signals.awaitSignal();
 * }
 * catch (SIGTERM ex) {
 *     drainAndExit();
 * }
 * </pre>
 */
public final class SignalHandler1 {

	/**
	 * The handler that ignores its signal. Assign it to a signal to ignore it; assign
	 * {@code null} to give the signal its default handler back.
	 */
	public static final SignalAction IGNORE_SIGNAL = new SignalAction() {

		@Override
		public void handle(int signum) {
		}

		@Override
		public String toString() {
			return "IGNORE_SIGNAL";
		}

	};

	private static final int[] SIGNALS = HandledSignal.signums();

	private final Path pidFile;

	private final Map<Integer, SignalAction> actions = new ConcurrentHashMap<>();

	private final BlockingQueue<ReceivedSignal> handedOver = new LinkedBlockingQueue<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private @Nullable SignalSource source;

	private @Nullable SignalDispatcher dispatcher;

	/**
	 * Creates a handler with the default handlers for every signal.
	 * @param pidFile the daemon's PID file (used on Windows, where signals arrive through
	 * it)
	 */
	public SignalHandler1(Path pidFile) {
		this(pidFile, null, null, null);
	}

	/**
	 * Creates a handler with the given handlers for {@code SIGINT}, {@code SIGTERM} and
	 * {@code SIGABRT}, and the default handlers for the rest.
	 * @param pidFile the daemon's PID file (used on Windows, where signals arrive through
	 * it)
	 * @param sigint handler for {@code SIGINT}, {@link #IGNORE_SIGNAL}, or {@code null}
	 * for the default
	 * @param sigterm handler for {@code SIGTERM}, {@link #IGNORE_SIGNAL}, or {@code null}
	 * for the default
	 * @param sigabrt handler for {@code SIGABRT}, {@link #IGNORE_SIGNAL}, or {@code null}
	 * for the default
	 */
	public SignalHandler1(Path pidFile, @Nullable SignalAction sigint, @Nullable SignalAction sigterm,
			@Nullable SignalAction sigabrt) {
		this.pidFile = Objects.requireNonNull(pidFile, "pidFile");
		setHandler(SIGINT.SIGNUM, sigint);
		setHandler(SIGTERM.SIGNUM, sigterm);
		setHandler(SIGABRT.SIGNUM, sigabrt);
	}

	/**
	 * Returns the signals this class handles, {@link HandledSignal}'s.
	 * @return the numbers of INT, TERM, ABRT, HUP and USR1 on this operating system
	 */
	public static int[] supportedSignals() {
		return SIGNALS.clone();
	}

	/**
	 * Starts handling signals. Does nothing if already started.
	 * @throws SignalError if the JVM refuses to let one of the signals be handled (it
	 * does under {@code -Xrs}) or this handler was stopped
	 */
	public synchronized void start() {
		if (this.source != null) {
			return;
		}
		SignalSource newSource = Platform.current().signalSource(this.pidFile);
		// Named classes rather than method references here and in install: a daemon
		// starts its handler on its way to "ready", where the first use of each costs its
		// short-lived start a generated class.
		this.dispatcher = new SignalDispatcher("daemoniker-signals", new Dispatch(),
				newSource.deliversOnFreshThreads());
		this.source = newSource;
		try {
			for (int signum : SIGNALS) {
				install(signum);
			}
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/**
	 * Stops handling signals and restores the handlers that were in place before
	 * {@link #start()}. Signals already received are still handled. Idempotent; the
	 * handler can be started again.
	 */
	public synchronized void stop() {
		if (this.source == null) {
			return;
		}
		this.source.close();
		this.source = null;
		this.dispatcher.stop();
		this.dispatcher = null;
	}

	/**
	 * Returns whether signals are being handled.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isStarted() {
		return this.source != null;
	}

	/**
	 * Blocks until a signal with the default handler arrives, and throws it. This is how
	 * a thread, typically the main thread, observes signals as exceptions, as the Python
	 * library raises them in the main thread. While a thread waits here, the default
	 * handler does not end the JVM: the waiting thread decides.
	 * @throws ReceivedSignal the signal, as {@link SIGINT}, {@link SIGTERM},
	 * {@link SIGABRT}, {@link SIGHUP} or {@link SIGUSR1}
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	public void awaitSignal() throws ReceivedSignal, InterruptedException {
		this.waiting.incrementAndGet();
		try {
			throw this.handedOver.take();
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	/**
	 * Returns the {@code SIGINT} handler: an action, {@link #IGNORE_SIGNAL} or
	 * {@code null}.
	 * @return the handler, or {@code null} when the default handler applies
	 */
	public @Nullable SignalAction getSigint() {
		return getHandler(SIGINT.SIGNUM);
	}

	/**
	 * Replaces the {@code SIGINT} handler, also after {@link #start()}.
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public void setSigint(@Nullable SignalAction handler) {
		setHandler(SIGINT.SIGNUM, handler);
	}

	/**
	 * Returns the {@code SIGTERM} handler: an action, {@link #IGNORE_SIGNAL} or
	 * {@code null}.
	 * @return the handler, or {@code null} when the default handler applies
	 */
	public @Nullable SignalAction getSigterm() {
		return getHandler(SIGTERM.SIGNUM);
	}

	/**
	 * Replaces the {@code SIGTERM} handler, also after {@link #start()}.
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public void setSigterm(@Nullable SignalAction handler) {
		setHandler(SIGTERM.SIGNUM, handler);
	}

	/**
	 * Returns the {@code SIGABRT} handler: an action, {@link #IGNORE_SIGNAL} or
	 * {@code null}.
	 * @return the handler, or {@code null} when the default handler applies
	 */
	public @Nullable SignalAction getSigabrt() {
		return getHandler(SIGABRT.SIGNUM);
	}

	/**
	 * Replaces the {@code SIGABRT} handler, also after {@link #start()}.
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public void setSigabrt(@Nullable SignalAction handler) {
		setHandler(SIGABRT.SIGNUM, handler);
	}

	/**
	 * Returns the {@code SIGHUP} handler: an action, {@link #IGNORE_SIGNAL} or
	 * {@code null}.
	 * @return the handler, or {@code null} when the default handler applies
	 */
	public @Nullable SignalAction getSighup() {
		return getHandler(SIGHUP.SIGNUM);
	}

	/**
	 * Replaces the {@code SIGHUP} handler, also after {@link #start()}.
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public void setSighup(@Nullable SignalAction handler) {
		setHandler(SIGHUP.SIGNUM, handler);
	}

	/**
	 * Returns the {@code SIGUSR1} handler: an action, {@link #IGNORE_SIGNAL} or
	 * {@code null}.
	 * @return the handler, or {@code null} when the default handler applies
	 */
	public @Nullable SignalAction getSigusr1() {
		return getHandler(SIGUSR1.SIGNUM);
	}

	/**
	 * Replaces the {@code SIGUSR1} handler, also after {@link #start()}.
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public void setSigusr1(@Nullable SignalAction handler) {
		setHandler(SIGUSR1.SIGNUM, handler);
	}

	/**
	 * Returns the handler of a signal by number.
	 * @param signum one of {@link #supportedSignals()}
	 * @return an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 */
	public @Nullable SignalAction getHandler(int signum) {
		checkSupported(signum);
		return this.actions.get(signum);
	}

	/**
	 * Replaces the handler of a signal by number, also after {@link #start()}.
	 * @param signum one of {@link #supportedSignals()}
	 * @param handler an action, {@link #IGNORE_SIGNAL}, or {@code null} for the default
	 * @throws IllegalArgumentException if the signal is not supported
	 */
	public synchronized void setHandler(int signum, @Nullable SignalAction handler) {
		checkSupported(signum);
		SignalAction old = (handler != null) ? this.actions.put(signum, handler) : this.actions.remove(signum);
		if (this.source != null && ((old == IGNORE_SIGNAL) != (handler == IGNORE_SIGNAL))) {
			install(signum);
		}
	}

	private void install(int signum) {
		if (this.actions.get(signum) == IGNORE_SIGNAL) {
			this.source.ignore(signum);
		}
		else {
			SignalDispatcher target = this.dispatcher;
			this.source.handle(signum, target);
		}
	}

	private void dispatch(int signum) throws RuntimeException {
		SignalAction action = this.actions.get(signum);
		if (action == IGNORE_SIGNAL) {
			return;
		}
		boolean builtIn = BuiltInSignalActions.run(signum);
		if (action == null) {
			handleByDefault(signum, builtIn);
			return;
		}
		try {
			action.handle(signum);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SignalError("the handler of SIG" + SignalNumbers.name(signum) + " failed", ex);
		}
	}

	private void handleByDefault(int signum, boolean handledByBuiltIn) {
		if (this.waiting.get() > 0) {
			this.handedOver.add(ReceivedSignal.of(signum));
			return;
		}
		if (handledByBuiltIn) {
			// Reopening the logs on SIGHUP must not end a daemon that handles no SIGHUP.
			return;
		}
		// System.exit blocks until shutdown hooks finish; run it apart so that a hook
		// that stops this handler never waits for the dispatch thread.
		Thread exit = new Thread(() -> System.exit(128 + signum),
				"daemoniker-exit-on-SIG" + SignalNumbers.name(signum));
		exit.start();
	}

	private static void checkSupported(int signum) {
		if (HandledSignal.of(signum).isEmpty()) {
			throw new IllegalArgumentException("signal " + signum + " (SIG" + SignalNumbers.name(signum)
					+ ") is not handled by SignalHandler1; it handles " + HandledSignal.listed("and"));
		}
	}

	/**
	 * Hands each signal that the dispatcher delivers to this handler's action.
	 */
	private final class Dispatch implements IntConsumer {

		@Override
		public void accept(int signum) {
			dispatch(signum);
		}

	}

}
