/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Carries the arguments of {@code daemonize(pidFile, args...)} from the launcher to the
 * daemon. Only plain data crosses: {@code null}, strings, booleans, integers, longs,
 * doubles, byte arrays, and lists and string-keyed maps of these. Nothing is deserialized
 * by class name, so the channel cannot be used to make the daemon instantiate arbitrary
 * classes.
 */
public final class ArgsCodec {

	private static final int MAX_DEPTH = 32;

	/** The most arguments that cross to the daemon. */
	static final int MAX_ARGUMENTS = 65536;

	/**
	 * The most bytes that a string, a byte array, or the whole launch request takes once
	 * encoded; also the most elements of a list or map.
	 */
	public static final int MAX_LENGTH = 64 * 1024 * 1024;

	private static final byte NULL = 0;

	private static final byte STRING = 1;

	private static final byte BOOLEAN = 2;

	private static final byte INTEGER = 3;

	private static final byte LONG = 4;

	private static final byte DOUBLE = 5;

	private static final byte BYTES = 6;

	private static final byte LIST = 7;

	private static final byte MAP = 8;

	private ArgsCodec() {
	}

	/**
	 * Checks that every argument can cross to the daemon, so that the launcher refuses
	 * them before a second JVM starts: plain data only, at most {@value #MAX_ARGUMENTS}
	 * arguments, {@value #MAX_DEPTH} levels of nesting and {@value #MAX_LENGTH} bytes or
	 * elements in any one value, and strings that are text (no lone surrogate, which
	 * UTF-8 cannot carry).
	 * @param args the arguments
	 * @throws IllegalArgumentException naming the first argument that cannot cross, and
	 * why
	 */
	public static void check(@Nullable Object[] args) {
		if (args.length > MAX_ARGUMENTS) {
			throw new IllegalArgumentException(args.length + " arguments cannot be passed to the daemon: at most "
					+ MAX_ARGUMENTS + " can; pass them in a List, or in a file the daemon reads");
		}
		for (int i = 0; i < args.length; i++) {
			check(args[i], "argument " + i, 0);
		}
	}

	private static void check(@Nullable Object value, String where, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException(where + " is nested more than " + MAX_DEPTH + " levels deep");
		}
		if (value instanceof String string) {
			checkText(string, where);
			return;
		}
		if (value instanceof byte[] bytes) {
			checkLength(bytes.length, where, "bytes");
			return;
		}
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Double) {
			return;
		}
		if (value instanceof List<?> list) {
			checkLength(list.size(), where, "elements");
			for (int i = 0; i < list.size(); i++) {
				check(list.get(i), where + "[" + i + "]", depth + 1);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			checkLength(map.size(), where, "entries");
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw new IllegalArgumentException(where + " is a map with a key that is not a String");
				}
				checkText(key, where + " has a key that");
				check(entry.getValue(), where + "[\"" + key + "\"]", depth + 1);
			}
			return;
		}
		throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
				+ ", which cannot be passed to the daemon; pass plain data instead: String, Boolean, Integer, "
				+ "Long, Double, byte[], or a List or String-keyed Map of these");
	}

	/**
	 * Refuses a string that UTF-8 cannot carry as it is: a lone surrogate would silently
	 * become a question mark in the daemon.
	 */
	private static void checkText(String text, String where) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (Character.isHighSurrogate(ch) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(ch)) {
				throw new IllegalArgumentException(
						where + " holds a lone surrogate, U+" + String.format("%04X", (int) ch) + " at index " + i
								+ ", which is not text and cannot be passed as a String; pass the data as a byte[]");
			}
			else {
				bytes += (ch < 0x80) ? 1 : (ch < 0x800) ? 2 : 3;
			}
		}
		checkLength(bytes, where, "bytes of UTF-8");
	}

	private static void checkLength(long length, String where, String unit) {
		if (length > MAX_LENGTH) {
			throw new IllegalArgumentException(where + " takes " + length + " " + unit + ", more than the " + MAX_LENGTH
					+ " that can be passed to the daemon; pass a path to a file the daemon reads");
		}
	}

	static void write(DataOutputStream out, @Nullable Object value) throws IOException {
		if (value == null) {
			out.writeByte(NULL);
		}
		else if (value instanceof String string) {
			out.writeByte(STRING);
			writeBytes(out, string.getBytes(StandardCharsets.UTF_8));
		}
		else if (value instanceof Boolean bool) {
			out.writeByte(BOOLEAN);
			out.writeBoolean(bool);
		}
		else if (value instanceof Integer integer) {
			out.writeByte(INTEGER);
			out.writeInt(integer);
		}
		else if (value instanceof Long number) {
			out.writeByte(LONG);
			out.writeLong(number);
		}
		else if (value instanceof Double number) {
			out.writeByte(DOUBLE);
			out.writeDouble(number);
		}
		else if (value instanceof byte[] bytes) {
			out.writeByte(BYTES);
			writeBytes(out, bytes);
		}
		else if (value instanceof List<?> list) {
			out.writeByte(LIST);
			out.writeInt(list.size());
			for (Object element : list) {
				write(out, element);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			out.writeByte(MAP);
			out.writeInt(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				writeBytes(out, ((String) entry.getKey()).getBytes(StandardCharsets.UTF_8));
				write(out, entry.getValue());
			}
		}
		else {
			throw new IllegalArgumentException("cannot pass a " + value.getClass().getName() + " to the daemon");
		}
	}

	static @Nullable Object read(DataInputStream in) throws IOException {
		return read(in, 0);
	}

	private static @Nullable Object read(DataInputStream in, int depth) throws IOException {
		if (depth > MAX_DEPTH) {
			throw new IOException("arguments nested too deeply");
		}
		byte type = in.readByte();
		switch (type) {
			case NULL:
				return null;
			case STRING:
				return new String(readBytes(in), StandardCharsets.UTF_8);
			case BOOLEAN:
				return in.readBoolean();
			case INTEGER:
				return in.readInt();
			case LONG:
				return in.readLong();
			case DOUBLE:
				return in.readDouble();
			case BYTES:
				return readBytes(in);
			case LIST: {
				int size = readLength(in);
				List<@Nullable Object> list = new ArrayList<>(Math.min(size, 1024));
				for (int i = 0; i < size; i++) {
					list.add(read(in, depth + 1));
				}
				return Collections.unmodifiableList(list);
			}
			case MAP: {
				int size = readLength(in);
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				for (int i = 0; i < size; i++) {
					String key = new String(readBytes(in), StandardCharsets.UTF_8);
					map.put(key, read(in, depth + 1));
				}
				return Collections.unmodifiableMap(map);
			}
			default:
				throw new IOException("unknown argument type " + type);
		}
	}

	static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static byte[] readBytes(DataInputStream in) throws IOException {
		byte[] bytes = new byte[readLength(in)];
		in.readFully(bytes);
		return bytes;
	}

	private static int readLength(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > MAX_LENGTH) {
			throw new IOException("invalid length " + length);
		}
		return length;
	}

}
