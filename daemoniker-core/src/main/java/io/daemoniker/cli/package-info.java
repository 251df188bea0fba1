/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The {@code daemoniker} command-line tool: {@code status}, {@code send}, {@code stop},
 * {@code force-stop} and {@code restart} for any daemon with a Daemoniker PID file.
 */
@NullMarked
package io.daemoniker.cli;

import org.jspecify.annotations.NullMarked;
