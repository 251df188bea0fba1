/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Starting the daemon process detached from the launcher: the choice of spawner
 * ({@code setsid} and {@code /bin/sh}, {@code posix_spawn} through JNA, or
 * {@code CreateProcessW} on Windows) and what the intermediate shell prepares for the
 * daemon before it becomes the daemon JVM.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch.spawn;

import org.jspecify.annotations.NullMarked;
