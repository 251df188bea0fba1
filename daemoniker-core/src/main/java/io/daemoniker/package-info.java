/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Daemoniker's public API: {@link io.daemoniker.Daemoniker#daemonize daemonize} and
 * {@link io.daemoniker.Daemonizer} turn the running application into a daemon holding a
 * locked PID file; {@link io.daemoniker.DaemonizeOptions} configure it;
 * {@link io.daemoniker.SignalHandler1} handles the signals it receives; and
 * {@link io.daemoniker.Daemoniker#status status} and {@link io.daemoniker.Daemoniker#send
 * send} let other processes inspect and signal it through its PID file. Parameters and
 * results are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.daemoniker;

import org.jspecify.annotations.NullMarked;
