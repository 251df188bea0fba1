/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The daemon's side of a start, and the foreground's: reading the launch request (from
 * the launcher or from the directory that the intermediate shell prepared), taking the
 * PID file, applying the process settings, redirecting and later reopening the standard
 * streams, and confirming start-up or its failure.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch.daemon;

import org.jspecify.annotations.NullMarked;
