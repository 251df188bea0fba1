/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.commandline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading this JVM's whole command line, and parsing what Linux and macOS return for it.
 */
class ProcessArgumentsTests {

	@Test
	void cmdlineIsSplitAtEachNul() {
		assertThat(ProcessArguments.fromCmdline(bytes("java\0-cp\0a b\0\0Main\0"))).containsExactly("java", "-cp",
				"a b", "", "Main");
		assertThat(ProcessArguments.fromCmdline(new byte[0])).isEmpty();
	}

	@Test
	void procArgs2SkipsTheExecutablePathAndItsPaddingAndStopsBeforeTheEnvironment() {
		ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
		buffer.putInt(3);
		buffer.put(bytes("/usr/bin/java\0\0\0\0java\0-cp\0\0HOME=/root\0PATH=/bin\0"));
		byte[] contents = new byte[buffer.position()];
		buffer.flip().get(contents);
		// The empty third argument must not be taken for padding.
		assertThat(ProcessArguments.fromProcArgs2(contents)).containsExactly("java", "-cp", "");
	}

	@Test
	void procArgs2ThatEndsEarlyIsNoCommandLine() {
		ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
		buffer.putInt(5);
		buffer.put(bytes("/usr/bin/java\0java\0-cp\0"));
		byte[] contents = new byte[buffer.position()];
		buffer.flip().get(contents);
		assertThat(ProcessArguments.fromProcArgs2(contents)).isEmpty();
		assertThat(ProcessArguments.fromProcArgs2(new byte[2])).isEmpty();
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void currentArgumentsHoldThisJvmsOptions() {
		List<String> arguments = ProcessArguments.current();
		assertThat(arguments).isNotEmpty();
		// This command line is short enough for the JDK to read as well.
		assertThat(arguments).isEqualTo(ProcessHandle.current().info().arguments().map(List::of).orElseThrow());
	}

	@Test
	@EnabledOnOs(OS.MAC)
	void currentArgumentsOnMacOsComeFromProcArgs2AndEndBeforeTheEnvironment() {
		List<String> arguments = ProcessArguments.current();
		assertThat(arguments).noneMatch((argument) -> argument.startsWith("PATH="));
		assertThat(arguments.get(arguments.size() - 1)).doesNotContain("=");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
