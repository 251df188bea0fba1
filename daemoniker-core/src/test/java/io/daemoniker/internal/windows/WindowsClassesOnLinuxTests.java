/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinBase;
import io.daemoniker.internal.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Windows classes on another system: they load and initialize without loading any
 * Windows library (only their first call does), the start-up structure has the size
 * Windows expects, and the platform chosen here is not the Windows one.
 */
@DisabledOnOs(OS.WINDOWS)
class WindowsClassesOnLinuxTests {

	private static final List<String> CLASSES = List.of("WindowsPlatform", "WindowsLaunch", "WindowsSignals",
			"WindowsJava", "WindowsLockProbe", "WindowsCommandLine", "Win32", "WindowsApi", "PipeStreams",
			"PipeStreams$PipeInputStream", "PipeStreams$PipeOutputStream", "PipeStreams$BackgroundPipeOutputStream",
			"DaemonConnection", "DetachedSentinelStarter", "ChannelHandles", "FileTail");

	@Test
	void everyWindowsClassInitializesWithoutLoadingWindowsLibraries() throws Exception {
		for (String name : CLASSES) {
			Class.forName(WindowsCommandLine.class.getPackageName() + "." + name, true, getClass().getClassLoader());
		}
		Platform platform = new WindowsPlatform();
		assertThat(platform).isNotNull();
		// Only the bindings' holder loads kernel32, which does not exist here.
		assertThatThrownBy(() -> Class.forName(WindowsApi.Holder.class.getName(), true, getClass().getClassLoader()))
			.isInstanceOf(Throwable.class)
			.satisfies((ex) -> assertThat(rootMessage(ex)).contains("kernel32"));
	}

	@Test
	void startupInfoExHasTheSizeOfStartupInfoExW() {
		WindowsApi.StartupInfoEx startup = new WindowsApi.StartupInfoEx();
		int expected = (Native.POINTER_SIZE == 8) ? 112 : 72;
		assertThat(startup.size()).isEqualTo(expected);
		assertThat(new WinBase.STARTUPINFO().size()).isEqualTo(expected - Native.POINTER_SIZE);
	}

	@Test
	void thisSystemGetsTheUnixPlatform() {
		assertThat(Platform.current()).isNotInstanceOf(WindowsPlatform.class);
	}

	private static String rootMessage(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause).append(' ');
		}
		return messages.toString();
	}

}
