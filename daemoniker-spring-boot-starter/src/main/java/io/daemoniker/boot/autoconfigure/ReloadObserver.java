/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Told when the application reloads on its reload signal ({@code SIGHUP}, systemd's
 * {@code ReloadSignal=} default): before the {@code @OnSignal} methods for it run, and
 * after, with the first failure.
 */
interface ReloadObserver {

	/** The reload signal is dispatched to the {@code @OnSignal} methods now. */
	void reloading();

	/**
	 * The {@code @OnSignal} methods for the reload signal have run.
	 * @param failure the first failure of one of them, or {@code null}
	 */
	void reloaded(@Nullable Throwable failure);

}
