/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.systemd;

import io.daemoniker.DaemonikerException;
import io.daemoniker.RunMode;

/**
 * Uses every systemd notification call, for a child JVM started with
 * {@code -verbose:class}: without {@code NOTIFY_SOCKET} none of them may load JNA.
 */
public final class NoNativeNotifierFixture {

	private NoNativeNotifierFixture() {
	}

	public static void main(String[] args) {
		SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
		try (SystemdWatchdog watchdog = SystemdWatchdog.start(notifier, () -> true)) {
			notifier.ready();
			notifier.ready(ProcessHandle.current().pid());
			notifier.status("running");
			notifier.mainPid(ProcessHandle.current().pid());
			notifier.watchdog();
			notifier.stopping();
			SystemdReadiness readiness = SystemdReadiness.fromEnvironment();
			readiness.stopsWithShutdown();
			readiness.ready();
			readiness.stopping("stopping");
			RunMode mode = RunMode.AUTO.resolve(Supervision.detect());
			System.out.println(
					"notifier enabled=" + notifier.isEnabled() + " watchdog=" + watchdog.isActive() + " mode=" + mode);
		}
		catch (DaemonikerException ex) {
			System.out.println("notifier failed: " + ex.getMessage());
		}
	}

}
