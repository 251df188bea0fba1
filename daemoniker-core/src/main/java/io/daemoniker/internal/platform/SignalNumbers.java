/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Signal names and numbers of the operating system this JVM runs on. Names are accepted
 * with or without the {@code SIG} prefix and in any case.
 * <p>
 * The numbers come from the JDK ({@code sun.misc.Signal}) for every signal it knows on
 * this operating system; the table per operating system below fills in the signals it
 * does not know (on Windows, HUP, USR1 and KILL, which travel as sentinel exit codes) and
 * serves as the reference that tests hold the JDK's numbers to.
 */
public final class SignalNumbers {

	private static final Map<String, Integer> NUMBERS = Collections.unmodifiableMap(fromJdk(table(osName())));

	private SignalNumbers() {
	}

	/**
	 * Returns the number of a signal on this operating system.
	 * @param name a signal name such as {@code TERM}, {@code SIGTERM} or {@code sigterm}
	 * @return the number, or empty when this operating system has no such signal
	 */
	public static OptionalInt number(String name) {
		String key = name.trim().toUpperCase(Locale.ROOT);
		if (key.startsWith("SIG")) {
			key = key.substring(3);
		}
		Integer number = NUMBERS.get(key);
		return (number != null) ? OptionalInt.of(number) : OptionalInt.empty();
	}

	/**
	 * Returns the number of a signal that this operating system is known to have.
	 * @param name a signal name without the {@code SIG} prefix
	 * @return the number
	 * @throws IllegalArgumentException if the signal is unknown here
	 */
	public static int require(String name) {
		OptionalInt number = number(name);
		if (number.isEmpty()) {
			throw new IllegalArgumentException("unknown signal " + name);
		}
		return number.getAsInt();
	}

	/**
	 * Returns the name of a signal number on this operating system.
	 * @param number a signal number
	 * @return the name without the {@code SIG} prefix, or the number as text when unknown
	 */
	public static String name(int number) {
		for (Map.Entry<String, Integer> entry : NUMBERS.entrySet()) {
			if (entry.getValue() == number) {
				return entry.getKey();
			}
		}
		return Integer.toString(number);
	}

	/**
	 * Returns every signal name known on this operating system, with its number.
	 * @return names without the {@code SIG} prefix, in ascending order of number
	 */
	public static Map<String, Integer> all() {
		return NUMBERS;
	}

	/**
	 * Returns the table with each number replaced by the JDK's where the JDK knows the
	 * signal on this operating system.
	 */
	static Map<String, Integer> fromJdk(Map<String, Integer> table) {
		Map<String, Integer> numbers = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : table.entrySet()) {
			OptionalInt jdk = jdkNumber(entry.getKey());
			numbers.put(entry.getKey(), jdk.isPresent() ? jdk.getAsInt() : entry.getValue());
		}
		return sortedByNumber(numbers);
	}

	/**
	 * Returns the JDK's number for a signal name, if it knows one here.
	 * @param name a name without the {@code SIG} prefix
	 * @return the number, or empty when the JDK does not know the signal on this
	 * operating system
	 */
	static OptionalInt jdkNumber(String name) {
		try {
			// Looking a signal up by name installs nothing: only Signal.handle does.
			return OptionalInt.of(new sun.misc.Signal(name).getNumber());
		}
		catch (IllegalArgumentException ex) {
			return OptionalInt.empty();
		}
	}

	static String osName() {
		return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
	}

	static Map<String, Integer> table(String os) {
		Map<String, Integer> table = new LinkedHashMap<>();
		if (os.startsWith("windows")) {
			// The C runtime's numbers, which the Python library uses too; HUP and USR1 do
			// not exist there and keep their Linux numbers, carried as sentinel exit
			// codes.
			table.put("HUP", 1);
			table.put("INT", 2);
			table.put("KILL", 9);
			table.put("USR1", 10);
			table.put("TERM", 15);
			table.put("ABRT", 22);
			return table;
		}
		boolean bsd = os.contains("mac") || os.contains("darwin") || os.contains("bsd");
		table.put("HUP", 1);
		table.put("INT", 2);
		table.put("QUIT", 3);
		table.put("ABRT", 6);
		table.put("KILL", 9);
		table.put("USR1", bsd ? 30 : 10);
		table.put("SEGV", 11);
		table.put("USR2", bsd ? 31 : 12);
		table.put("PIPE", 13);
		table.put("ALRM", 14);
		table.put("TERM", 15);
		table.put("CONT", bsd ? 19 : 18);
		table.put("STOP", bsd ? 17 : 19);
		table.put("TSTP", bsd ? 18 : 20);
		table.put("WINCH", 28);
		return sortedByNumber(table);
	}

	private static Map<String, Integer> sortedByNumber(Map<String, Integer> table) {
		// A stable insertion sort by hand rather than a stream with a comparator: these
		// tables are built on the way to a daemon's "ready" and in every stop, where the
		// JVM's first lambda costs far more than sorting twenty entries.
		List<Map.Entry<String, Integer>> entries = new ArrayList<>(table.entrySet());
		for (int i = 1; i < entries.size(); i++) {
			Map.Entry<String, Integer> entry = entries.get(i);
			int j = i - 1;
			while (j >= 0 && entries.get(j).getValue() > entry.getValue()) {
				entries.set(j + 1, entries.get(j));
				j--;
			}
			entries.set(j + 1, entry);
		}
		Map<String, Integer> sorted = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : entries) {
			sorted.put(entry.getKey(), entry.getValue());
		}
		return sorted;
	}

}
