/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.jna.LastErrorException;

/**
 * Sends one datagram to a Unix datagram socket, which the JDK cannot do: its
 * {@code SocketChannel} supports Unix domain sockets for streams only. Linux only, where
 * systemd lives: {@code struct sockaddr_un} is a two-byte family followed by 108 bytes of
 * path there, and an address that starts with {@code @} names a socket in the abstract
 * namespace (a leading NUL byte instead of a file).
 */
public final class UnixDatagram {

	/** Size of {@code sun_path} in Linux's {@code struct sockaddr_un}. */
	static final int PATH_CAPACITY = 108;

	private UnixDatagram() {
	}

	/**
	 * Sends a datagram from a fresh socket, closed afterwards.
	 * @param address a socket path, or {@code @name} for an abstract socket
	 * @param payload the datagram
	 * @throws IOException if the address is invalid or the datagram cannot be sent
	 * @throws UnsupportedOperationException if this is not Linux
	 */
	public static void send(String address, byte[] payload) throws IOException {
		if (OperatingSystem.current() != OperatingSystem.LINUX) {
			throw new UnsupportedOperationException(
					"Unix datagram sockets are implemented for Linux only, not " + System.getProperty("os.name"));
		}
		byte[] sockaddr = sockaddr(address);
		LibC.Sockets.require("send a datagram to " + address);
		int fd;
		try {
			fd = LibC.Sockets.socket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM | LinuxConstants.SOCK_CLOEXEC,
					0);
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot create a Unix datagram socket: " + LibC.describe(ex.getErrorCode()), ex);
		}
		try {
			long sent = LibC.Sockets.sendto(fd, payload, payload.length, LinuxConstants.MSG_NOSIGNAL, sockaddr,
					sockaddr.length);
			if (sent != payload.length) {
				throw new IOException("sent " + sent + " of " + payload.length + " bytes to " + address);
			}
		}
		catch (LastErrorException ex) {
			throw new IOException("cannot send to " + address + ": " + LibC.describe(ex.getErrorCode()), ex);
		}
		finally {
			try {
				LibC.close(fd);
			}
			catch (LastErrorException ex) {
				// Nothing to be done about a failed close of a socket that sent nothing
				// more.
			}
		}
	}

	/**
	 * Builds Linux's {@code struct sockaddr_un} for an address, exactly as long as the
	 * address needs: a path gets its terminating NUL, an abstract name does not (its
	 * length is part of the name).
	 * @param address a socket path or {@code @name}
	 * @return the structure's bytes
	 * @throws IOException if the address is empty or too long
	 */
	static byte[] sockaddr(String address) throws IOException {
		boolean isAbstract = address.startsWith("@");
		byte[] name = (isAbstract ? address.substring(1) : address).getBytes(StandardCharsets.UTF_8);
		if (!isAbstract && !address.startsWith("/")) {
			throw new IOException("Unix socket address \"" + address
					+ "\" is neither an absolute path nor an abstract name starting with '@'");
		}
		int pathLength = isAbstract ? 1 + name.length : name.length + 1;
		if (name.length == 0 || pathLength > PATH_CAPACITY) {
			throw new IOException(
					"Unix socket address \"" + address + "\" must have 1 to " + (PATH_CAPACITY - 1) + " bytes of name");
		}
		byte[] sockaddr = new byte[2 + pathLength];
		// sa_family_t is an unsigned short in the machine's byte order.
		boolean bigEndian = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN;
		sockaddr[bigEndian ? 1 : 0] = LinuxConstants.AF_UNIX;
		System.arraycopy(name, 0, sockaddr, isAbstract ? 3 : 2, name.length);
		return sockaddr;
	}

}
