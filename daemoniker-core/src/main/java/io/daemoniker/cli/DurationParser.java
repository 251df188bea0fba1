/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}, plain seconds, or ISO-8601 ({@code PT10S}), up to {@link #MAX}.
 */
final class DurationParser {

	/**
	 * The longest duration accepted: a wait of more than a day is a typing error, and
	 * longer ones would overflow the clock arithmetic of the waits.
	 */
	static final Duration MAX = Duration.ofHours(24);

	private DurationParser() {
	}

	static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		// ASCII digits and one of the units, read by hand: a regular expression would
		// start the JVM's regular expression engine in every stop that names a time.
		int digits = 0;
		while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
			digits++;
		}
		String unit = value.substring(digits);
		Duration duration;
		if (digits > 0
				&& (unit.isEmpty() || unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h"))) {
			duration = simple(value.substring(0, digits), unit.isEmpty() ? "s" : unit, text);
		}
		else {
			try {
				duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				throw new DaemonikerCli.UsageException(
						"invalid duration \"" + text + "\"; write it as 500ms, 10s, 2m or plain seconds");
			}
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new DaemonikerCli.UsageException("the duration must be positive, not \"" + text + "\"");
		}
		if (duration.compareTo(MAX) > 0) {
			throw tooLong(text);
		}
		return duration;
	}

	private static Duration simple(String digits, String unit, String text) {
		// More digits than a day has milliseconds cannot be within the limit, and a long
		// would overflow on still longer ones.
		int first = 0;
		while (first < digits.length() - 1 && digits.charAt(first) == '0') {
			first++;
		}
		if (digits.length() - first > 9) {
			throw tooLong(text);
		}
		long amount = Long.parseLong(digits);
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	private static DaemonikerCli.UsageException tooLong(String text) {
		return new DaemonikerCli.UsageException("the duration \"" + text + "\" is longer than the limit of "
				+ format(MAX) + " (" + MAX.toSeconds() + "s)");
	}

	static String format(Duration duration) {
		if (duration.toMillis() % 1000 != 0) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds % 60 == 0 && seconds >= 60) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

}
