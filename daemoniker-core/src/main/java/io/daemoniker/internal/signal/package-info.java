/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Signal handling above the operating system: the dispatcher that runs handlers in order
 * of arrival, Daemoniker's own actions on a signal, which signals are sent to a JVM
 * daemon, and why the others are refused. Where signals come from, and their numbers, is
 * the platform's ({@code internal.platform}).
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.signal;

import org.jspecify.annotations.NullMarked;
