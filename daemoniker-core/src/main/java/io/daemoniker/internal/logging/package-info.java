/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Daemoniker's diagnostics from inside the daemon, through {@link System.Logger} and
 * looked up only when there is something to log. It depends on no other package of
 * Daemoniker.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.logging;

import org.jspecify.annotations.NullMarked;
