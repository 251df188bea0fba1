/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Signal handling: the sources that receive signals from the JVM or from a sentinel
 * process, the dispatcher that runs handlers in order of arrival, and the signal numbers
 * of each operating system.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.signal;

import org.jspecify.annotations.NullMarked;
