/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Daemoniker under systemd: {@link io.daemoniker.systemd.Supervision} tells whether
 * systemd (or a container) supervises the process,
 * {@link io.daemoniker.systemd.SystemdNotifier} speaks the notification protocol of
 * {@code sd_notify(3)}, {@link io.daemoniker.systemd.SystemdReadiness} sends the state
 * changes ({@code READY=1}, {@code STOPPING=1}) once per process, and
 * {@link io.daemoniker.systemd.SystemdWatchdog} feeds {@code WatchdogSec=}. Linux only;
 * elsewhere, and wherever systemd does not ask, they do nothing and load no native code.
 * Parameters and results are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.daemoniker.systemd;

import org.jspecify.annotations.NullMarked;
