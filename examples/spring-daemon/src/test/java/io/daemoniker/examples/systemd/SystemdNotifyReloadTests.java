/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.systemd;

import java.nio.file.Path;
import java.util.Map;

import io.daemoniker.examples.systemd.NspawnContainer.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations guide's {@code Type=notify-reload} unit under systemd 257 (Debian 13,
 * PID 1 of a container): systemd sends {@code SIGHUP} and waits for the application's
 * {@code RELOADING=1 ... READY=1}, which the starter sends around the
 * {@code @OnSignal("HUP")} methods. A {@code systemctl reload} that returns with 0 and
 * the unit active again is the proof: without those notifications systemd would wait
 * until its timeout and fail the reload.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SystemdNotifyReloadTests {

	@TempDir
	static Path work;

	private SystemdHost systemd;

	@BeforeAll
	void bootContainer() throws Exception {
		this.systemd = SystemdHost.boot(work, "trixie");
	}

	@AfterAll
	void powerOff() throws Exception {
		if (this.systemd != null) {
			this.systemd.close();
		}
	}

	@Test
	void reloadWaitsForTheApplicationsReloadingAndReady() {
		assertThat(this.systemd.systemctl("--version").stdout()).startsWith("systemd 257");
		String unit = this.systemd.install("spring-notify-reload-unit");
		this.systemd.addSystemUser("spring-daemon");
		try {
			Result start = this.systemd.systemctl("start", unit);
			assertThat(start.exitCode()).as(start + this.systemd.journal(unit)).isZero();
			assertThat(this.systemd.show(unit, "Type")).containsEntry("Type", "notify-reload");
			for (int reload = 1; reload <= 2; reload++) {
				Result reloaded = this.systemd.systemctl("reload", unit);
				assertThat(reloaded.exitCode()).as(reloaded + this.systemd.journal(unit)).isZero();
				// The handler ran before READY=1, which systemctl reload waited for.
				assertThat(this.systemd.journal(unit)).contains("reload requested (" + reload + ")");
				Map<String, String> state = this.systemd.show(unit, "ActiveState", "SubState", "StatusText",
						"NRestarts");
				assertThat(state).containsEntry("ActiveState", "active")
					.containsEntry("SubState", "running")
					.containsEntry("NRestarts", "0")
					.containsEntry("StatusText", "Ready: spring-daemon, listening on port 8080");
			}
			assertThat(this.systemd.journal(unit)).contains("Reloaded spring-daemon.service")
				.doesNotContain("timed out");
			Result stop = this.systemd.systemctl("stop", unit);
			assertThat(stop.exitCode()).as(stop.toString()).isZero();
			assertThat(this.systemd.show(unit)).containsEntry("Result", "success");
			assertThat(this.systemd.journal(unit)).contains("destroying beans after 2 reloads");
		}
		finally {
			this.systemd.remove(unit);
		}
	}

}
