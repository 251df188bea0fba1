/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Daemonization itself: the launcher that rebuilds the Java command line and spawns the
 * daemon, the launch request and argument encoding it hands over, the start-up handshake
 * it waits for, and the daemon and foreground sides that take the PID file and redirect
 * the standard streams.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch;

import org.jspecify.annotations.NullMarked;
