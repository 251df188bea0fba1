/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@code @OnSignal} methods of the application, by signal, and how many times each
 * signal arrived. The method processor fills it before the context starts; the dispatch
 * lifecycle calls it for every signal that arrives.
 */
final class SignalMethodRegistry {

	private static final Log logger = LogFactory.getLog(SignalMethodRegistry.class);

	private final Map<Integer, List<SignalMethod>> methods = new ConcurrentHashMap<>();

	private final Map<Integer, AtomicLong> deliveries = new ConcurrentHashMap<>();

	/**
	 * Adds an {@code @OnSignal} method; called before the context starts.
	 * @param method the method
	 */
	void register(SignalMethod method) {
		for (int signum : method.signals()) {
			this.methods.computeIfAbsent(signum, (key) -> new CopyOnWriteArrayList<>()).add(method);
		}
	}

	/**
	 * Returns the signals that at least one method handles.
	 * @return signal numbers, in ascending order
	 */
	Set<Integer> signals() {
		return new TreeSet<>(this.methods.keySet());
	}

	/**
	 * Counts a delivery and calls every method registered for the signal, in the order
	 * they were registered. A method that throws is logged and does not stop the next.
	 * @param signum the signal that arrived
	 */
	void invoke(int signum) {
		this.deliveries.computeIfAbsent(signum, (key) -> new AtomicLong()).incrementAndGet();
		for (SignalMethod method : this.methods.getOrDefault(signum, List.of())) {
			try {
				method.invoke(signum);
			}
			catch (Throwable ex) {
				logger.error("@OnSignal method " + method + " failed on SIG" + Signals.name(signum), ex);
			}
		}
	}

	/**
	 * Returns how many times a signal arrived.
	 * @param signum the signal
	 * @return the count, zero if it never arrived
	 */
	long deliveries(int signum) {
		AtomicLong count = this.deliveries.get(signum);
		return (count != null) ? count.get() : 0L;
	}

}
