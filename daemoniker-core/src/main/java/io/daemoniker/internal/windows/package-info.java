/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */

/**
 * Windows: the detached relaunch through {@code CreateProcessW}, standard stream
 * redirection, signals delivered by terminating the sentinel process, and the Windows
 * command-line rules. Classes that call Windows load their bindings on first use only, so
 * nothing native is loaded on other systems; the command-line rules are plain Java.
 * <p>
 * Internal to Daemoniker: not API. Applications must not use these classes, which may
 * change in any release without notice.
 */
@NullMarked
package io.daemoniker.internal.windows;

import org.jspecify.annotations.NullMarked;
