/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * What applications name when they use the Daemoniker starter:
 * {@link io.daemoniker.boot.OnSignal} handler methods, the
 * {@link io.daemoniker.boot.ManagedDaemon} bean, and the
 * {@link io.daemoniker.boot.WatchdogHealthCheck} that feeds systemd's watchdog.
 */
@NullMarked
package io.daemoniker.boot;

import org.jspecify.annotations.NullMarked;
