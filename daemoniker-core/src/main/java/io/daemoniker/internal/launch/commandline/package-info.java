/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * The daemon's Java command line: this JVM's own arguments as the operating system gives
 * them, rebuilt with every relative path made absolute and the marker option added,
 * including the options of argument files and of the JDK's tool environment variables,
 * and moved into an argument file when it is too long to start.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch.commandline;

import org.jspecify.annotations.NullMarked;
