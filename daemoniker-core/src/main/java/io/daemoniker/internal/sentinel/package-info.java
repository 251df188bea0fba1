/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Sentinels, portable: signals carried as the exit codes of a sentinel process, for
 * systems without POSIX signals. The PID file names the sentinel of the moment; a sender
 * ends it with the signal's number as its exit code, and a watcher in the daemon starts
 * the next one and hands the signal on. Which process serves as the sentinel is the
 * Windows package's choice.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.sentinel;

import org.jspecify.annotations.NullMarked;
