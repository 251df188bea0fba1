/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Operating system access: standard stream redirection, signals (their numbers, and where
 * they come from), lock holders, user and group switching and process limits, through JNA
 * bindings to the C library on Unix and the platform abstraction that hides them.
 * {@code Platform} is the one place that asks which operating system this is; it depends
 * on no other internal package, and loads the Windows platform by name.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.platform;

import org.jspecify.annotations.NullMarked;
