/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import io.daemoniker.internal.platform.CurrentProcess;

/**
 * Prints this process's ID as the core reads it and as the JDK's {@code getpid()} gives
 * it, and the ID under which {@code /proc} shows it:
 * {@code core=<pid> jdk=<pid> proc=<pid>}.
 */
public final class OwnPidApp {

	private OwnPidApp() {
	}

	public static void main(String[] args) {
		System.out.println("core=" + CurrentProcess.pid() + " jdk=" + ProcessHandle.current().pid() + " proc="
				+ CurrentProcess.idInProc().orElse(-1));
	}

}
