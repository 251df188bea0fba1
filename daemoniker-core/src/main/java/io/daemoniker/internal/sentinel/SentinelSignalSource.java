/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.sentinel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import io.daemoniker.internal.logging.DeferredLogger;
import io.daemoniker.internal.platform.SignalNumbers;
import io.daemoniker.internal.platform.SignalSource;

/**
 * Signals that arrive as the exit codes of a sentinel process, for systems without POSIX
 * signals (Windows). The first signal handled or ignored starts the sentinel and
 * publishes its PID in the PID file; closing publishes the daemon's own PID again.
 * <p>
 * A signal that arrives while it has neither a handler nor is ignored ends the JVM in an
 * orderly way with status 128 plus its number, as the JVM does on Unix for TERM, INT and
 * HUP without a handler. KILL, which no handler can take, ends the JVM at once, without
 * shutdown hooks, as on Unix.
 */
public final class SentinelSignalSource implements SignalSource {

	private static final DeferredLogger LOGGER = DeferredLogger.of(SentinelSignalSource.class);

	private final Map<Integer, IntConsumer> handlers = new ConcurrentHashMap<>();

	private final Set<Integer> ignored = ConcurrentHashMap.newKeySet();

	private final SentinelWatcher watcher;

	/**
	 * Creates a source; nothing starts before the first signal is handled or ignored.
	 * @param starter starts each sentinel
	 * @param publisher writes a PID into the PID file
	 * @param ownPid the daemon's own PID
	 * @param exitCodes tells which signal an exit code stands for
	 */
	public SentinelSignalSource(SentinelStarter starter, LongConsumer publisher, long ownPid,
			SentinelExitCodes exitCodes) {
		this.watcher = new SentinelWatcher(starter, publisher, ownPid, exitCodes, this::route,
				(line) -> LOGGER.warning(line));
	}

	@Override
	public void handle(int signum, IntConsumer delivery) {
		this.ignored.remove(signum);
		this.handlers.put(signum, delivery);
		this.watcher.start();
	}

	@Override
	public void ignore(int signum) {
		this.handlers.remove(signum);
		this.ignored.add(signum);
		this.watcher.start();
	}

	@Override
	public void close() {
		this.watcher.close();
		this.handlers.clear();
		this.ignored.clear();
	}

	private void route(int signum) {
		IntConsumer handler = this.handlers.get(signum);
		if (handler != null) {
			handler.accept(signum);
		}
		else if (signum == SignalNumbers.number("KILL").orElse(-1)) {
			// As SIGKILL on Unix: no shutdown hooks; the next start reclaims the PID
			// file.
			Runtime.getRuntime().halt(128 + signum);
		}
		else if (!this.ignored.contains(signum)) {
			Thread exit = new Thread(() -> System.exit(128 + signum),
					"daemoniker-exit-on-SIG" + SignalNumbers.name(signum));
			exit.start();
		}
	}

}
