/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.testapp;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Locks a file the way a daemon locks its PID file, but writes whatever text it is given
 * into it, so that tests can present a locked PID file that names another process. Usage:
 * {@code LockHolderApp <file> <text>}.
 */
public final class LockHolderApp {

	private LockHolderApp() {
	}

	public static void main(String[] args) throws Exception {
		FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		channel.lock();
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(args[1].getBytes(StandardCharsets.US_ASCII)));
		System.out.println("locked");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
