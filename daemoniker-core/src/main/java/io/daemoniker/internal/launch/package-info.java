/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Daemonization, in what both sides of a start share: the launch request and its argument
 * encoding, the process settings that it carries, the handshake lines, the private
 * directory that a shell-prepared start hands the request over in, and the system
 * properties that mark the daemon's command line. The sub-packages hold the launcher
 * ({@code launcher}), the daemon ({@code daemon}), the spawning ({@code spawn}), the
 * daemon's command line ({@code commandline}) and the start-up cache ({@code cache});
 * this package depends on none of them.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.launch;

import org.jspecify.annotations.NullMarked;
