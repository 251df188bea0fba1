/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * A real Unix datagram socket bound by the test, standing in for systemd's notification
 * socket: the JDK cannot bind one, so it is made through JNA. Linux layout of
 * {@code struct sockaddr_un}. Shared with the starter's and the examples' tests through
 * this module's test jar.
 */
public final class DatagramReceiver implements AutoCloseable {

	static {
		Native.register(DatagramReceiver.class, com.sun.jna.Platform.C_LIBRARY_NAME);
	}

	private static final int AF_UNIX = 1;

	private static final int SOCK_DGRAM = 2;

	private static final int SOL_SOCKET = 1;

	private static final int SO_RCVTIMEO = 20;

	private final int fd;

	private final String address;

	private DatagramReceiver(int fd, String address) {
		this.fd = fd;
		this.address = address;
	}

	/**
	 * Binds a socket at a file path.
	 */
	public static DatagramReceiver atPath(Path path) {
		return bind(path.toString(), path.toString().getBytes(StandardCharsets.UTF_8), false);
	}

	/**
	 * Binds a socket in the abstract namespace; the address is {@code @name}.
	 */
	public static DatagramReceiver abstractNamed(String name) {
		return bind("@" + name, name.getBytes(StandardCharsets.UTF_8), true);
	}

	private static DatagramReceiver bind(String address, byte[] name, boolean isAbstract) {
		byte[] sockaddr = new byte[2 + (isAbstract ? 1 : 0) + name.length + (isAbstract ? 0 : 1)];
		sockaddr[0] = AF_UNIX;
		System.arraycopy(name, 0, sockaddr, isAbstract ? 3 : 2, name.length);
		int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
		bind(fd, sockaddr, sockaddr.length);
		// recv returns after a second without a datagram, so that tests never hang.
		long[] timeval = new long[] { 1, 0 };
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
		return new DatagramReceiver(fd, address);
	}

	public String address() {
		return this.address;
	}

	/**
	 * Waits up to about a second for one datagram.
	 */
	public Optional<String> receive() {
		byte[] buffer = new byte[4096];
		try {
			long length = recv(this.fd, buffer, buffer.length, 0);
			return Optional.of(new String(buffer, 0, (int) length, StandardCharsets.UTF_8));
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == 11 || ex.getErrorCode() == 4) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Waits for one datagram, failing when none comes within a generous limit.
	 */
	public String await(int seconds) {
		for (int i = 0; i < seconds; i++) {
			Optional<String> message = receive();
			if (message.isPresent()) {
				return message.get();
			}
		}
		throw new AssertionError("no datagram arrived at " + this.address + " within " + seconds + "s");
	}

	@Override
	public void close() throws Exception {
		close(this.fd);
		if (!this.address.startsWith("@")) {
			Files.deleteIfExists(Path.of(this.address));
		}
	}

	private static native int socket(int domain, int type, int protocol) throws LastErrorException;

	private static native int bind(int fd, byte[] address, int length) throws LastErrorException;

	private static native int setsockopt(int fd, int level, int name, long[] value, int length)
			throws LastErrorException;

	private static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

	private static native int close(int fd) throws LastErrorException;

}
