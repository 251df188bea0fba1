/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The launcher's side of a start: resolving the paths, checking that nothing holds the
 * PID file, rebuilding and spawning the daemon's command line, writing the launch
 * request, copying the daemon's output while it starts and waiting for its handshake, and
 * turning Ctrl-C into an aborted start.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch.launcher;

import org.jspecify.annotations.NullMarked;
