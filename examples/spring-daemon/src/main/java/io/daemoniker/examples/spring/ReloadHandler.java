/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.spring;

import java.util.concurrent.atomic.AtomicInteger;

import io.daemoniker.boot.OnSignal;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Reacts to {@code SIGHUP}, as daemons do to reload their configuration, and says goodbye
 * when the application context closes.
 */
@Component
class ReloadHandler {

	private static final Log logger = LogFactory.getLog(ReloadHandler.class);

	private final AtomicInteger reloads = new AtomicInteger();

	@OnSignal("HUP")
	void reload() {
		logger.info("reload requested (" + this.reloads.incrementAndGet() + ")");
	}

	@OnSignal("TERM")
	void beforeShutdown(int signum) {
		// Runs before the graceful shutdown that TERM starts; it does not replace it.
		logger.info("signal " + signum + " received, shutting down");
	}

	@PreDestroy
	void goodbye() {
		logger.info("destroying beans after " + this.reloads.get() + " reloads");
	}

}
