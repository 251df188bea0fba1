/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Auto-configuration of the Daemoniker starter: the early listener that daemonizes before
 * the application context exists, the properties, and the dispatch of signals to
 * {@link io.daemoniker.boot.OnSignal} methods.
 */
@NullMarked
package io.daemoniker.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
