/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option that names the launcher's pipes on a Windows daemon's command line.
 */
class ChannelHandlesTests {

	@Test
	void optionGoesRightAfterTheProgramAndReplacesOneOfAnEarlierLaunch() {
		ChannelHandles handles = new ChannelHandles(0x1a4, 0x2c8);
		List<String> command = List.of("C:\\jdk\\bin\\javaw.exe", "-Ddaemoniker.windows.channel=8,12", "-cp", "app.jar",
				"Main", "-Ddaemoniker.windows.channel=application argument");
		assertThat(handles.addTo(command)).containsExactly("C:\\jdk\\bin\\javaw.exe",
				"-Ddaemoniker.windows.channel=420,712", "-cp", "app.jar", "Main");
	}

	@Test
	void parsesTwoDistinctPositiveHandlesOnly() {
		assertThat(ChannelHandles.parse("420,712")).hasValue(new ChannelHandles(420, 712));
		assertThat(ChannelHandles.parse(null)).isEmpty();
		assertThat(ChannelHandles.parse("")).isEmpty();
		assertThat(ChannelHandles.parse("420")).isEmpty();
		assertThat(ChannelHandles.parse("420,")).isEmpty();
		assertThat(ChannelHandles.parse("0,712")).isEmpty();
		assertThat(ChannelHandles.parse("-4,712")).isEmpty();
		assertThat(ChannelHandles.parse("420,420")).isEmpty();
		assertThat(ChannelHandles.parse("0x1a4,712")).isEmpty();
		assertThat(ChannelHandles.parse("420,712,9")).isEmpty();
	}

}
