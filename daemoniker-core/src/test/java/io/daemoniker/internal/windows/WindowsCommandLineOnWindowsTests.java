/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import io.daemoniker.testapp.PrintArgsApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Java launcher as the oracle: a command line that
 * {@link WindowsCommandLine#join} wrote, given to {@code CreateProcessW}, reaches
 * {@code main} unchanged, wildcards included (they must not be expanded again).
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsCommandLineOnWindowsTests {

	private static final String CLASSPATH = System.getProperty("daemoniker.test.classpath",
			System.getProperty("java.class.path"));

	@TempDir
	Path directory;

	@Test
	void theJavaLauncherSplitsJoinedArgumentsBackUnchanged() throws Exception {
		Files.writeString(this.directory.resolve("a.txt"), "");
		List<String> arguments = new ArrayList<>();
		for (List<String> tricky : WindowsCommandLineTests.trickyArguments()) {
			for (String arg : tricky) {
				if (arg.chars().allMatch((ch) -> ch < 0x80)) {
					arguments.add(arg);
				}
			}
		}
		arguments.addAll(List.of("*.txt", "a?txt", "\"*.txt\""));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString(), "-cp", CLASSPATH,
						PrintArgsApp.class.getName()));
		command.addAll(arguments);
		Path output = this.directory.resolve("args.out");
		HANDLE in = Win32.openFile(Path.of("NUL"), WinNT.GENERIC_READ, WinNT.OPEN_EXISTING);
		HANDLE out = Win32.openFile(output, WinNT.GENERIC_WRITE, WinNT.CREATE_ALWAYS);
		Win32.Started started;
		try {
			started = Win32.start(WindowsCommandLine.join(command), this.directory.toString(), WinBase.CREATE_NO_WINDOW,
					new HANDLE[] { in, out, out });
		}
		finally {
			Win32.close(in);
			Win32.close(out);
		}
		try {
			assertThat(Win32.kernel32().WaitForSingleObject(started.handle(), 60_000)).isEqualTo(WinBase.WAIT_OBJECT_0);
		}
		finally {
			ProcessHandle.of(started.pid()).ifPresent(ProcessHandle::destroyForcibly);
			Win32.close(started.handle());
		}
		List<String> expected = new ArrayList<>();
		arguments.forEach((arg) -> expected.add("arg:" + PrintArgsApp.escape(arg)));
		expected.add("end");
		assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

}
