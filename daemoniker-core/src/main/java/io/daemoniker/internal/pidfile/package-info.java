/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * PID files: taking and holding the lock for the daemon's life, and telling from a PID
 * file whether its daemon runs and can be trusted to be signalled.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.pidfile;

import org.jspecify.annotations.NullMarked;
