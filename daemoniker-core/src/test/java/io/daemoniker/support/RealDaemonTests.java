/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every test of real daemons starts from: a directory of its own, a PID file and a
 * log in it, and a {@link Daemons} fixture that kills, by PID, whatever the test started.
 */
public abstract class RealDaemonTests {

	/** The test's own directory. */
	@TempDir
	protected Path directory;

	/** Starts and cleans up the test's processes. */
	protected Daemons daemons;

	/** The daemon's PID file, in {@link #directory}. */
	protected Path pidFile;

	/** The daemon's log, in {@link #directory}. */
	protected Path log;

	@BeforeEach
	void createFixture() {
		this.daemons = new Daemons(this.directory);
		this.pidFile = this.directory.resolve("app.pid");
		this.log = this.directory.resolve("app.log");
	}

	@AfterEach
	void killEverythingStarted() {
		this.daemons.close();
	}

}
