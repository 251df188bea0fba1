/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}, plain seconds, or ISO-8601 ({@code PT10S}).
 */
final class DurationParser {

	private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

	private DurationParser() {
	}

	static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		Matcher matcher = SIMPLE.matcher(value);
		Duration duration;
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
			duration = switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		else {
			try {
				duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw new DaemonikerCli.UsageException(
						"invalid duration \"" + text + "\"; write it as 500ms, 10s, 2m or plain seconds");
			}
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new DaemonikerCli.UsageException("the duration must be positive, not \"" + text + "\"");
		}
		return duration;
	}

	static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

}
