/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The start-up cache: a JDK archive of the classes that the daemon loads on its way to
 * ready, kept per command line and trusted only when its owner and permissions are safe.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch.cache;

import org.jspecify.annotations.NullMarked;
