/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The Actuator endpoint {@code daemoniker}, the watchdog's health check on Actuator's
 * health, and their auto-configuration.
 */
@NullMarked
package io.daemoniker.boot.actuate;

import org.jspecify.annotations.NullMarked;
