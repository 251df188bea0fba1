/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.daemoniker.support.DatagramReceiver;
import io.daemoniker.systemd.SystemdNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start timeout is extended while beans keep being initialized, and no more once the
 * start is over.
 */
class StartTimeoutExtensionTests {

	private final DatagramReceiver systemd = DatagramReceiver
		.abstractNamed("daemoniker-start-timeout-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	private final StartTimeoutExtension extension = new StartTimeoutExtension();

	@AfterEach
	void close() throws Exception {
		this.extension.close();
		this.systemd.close();
	}

	@Test
	void progressExtendsTheTimeoutUntilTheStartIsOver() {
		this.extension.postProcessAfterInitialization(new Object(), "first");
		this.extension.start(SystemdNotifier.forSocket(this.systemd.address()), Duration.ofMillis(900));
		assertThat(this.systemd.await(10)).isEqualTo("EXTEND_TIMEOUT_USEC=900000\n");
		this.extension.postProcessAfterInitialization(new Object(), "second");
		assertThat(this.systemd.await(10)).isEqualTo("EXTEND_TIMEOUT_USEC=900000\n");
		this.extension.close();
		this.extension.postProcessAfterInitialization(new Object(), "after the start");
		assertThat(this.systemd.receive()).isEmpty();
	}

	@Test
	void withoutNotifySocketNothingIsSent() {
		StartTimeoutExtension idle = new StartTimeoutExtension();
		idle.postProcessAfterInitialization(new Object(), "bean");
		idle.start(SystemdNotifier.from(Map.of()), Duration.ofSeconds(1));
		idle.close();
		assertThat(this.systemd.receive()).isEmpty();
	}

}
