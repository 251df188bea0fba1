/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verb's arguments: its operands, its options with values ({@code --timeout 10s} or
 * {@code --timeout=10s}) and whether it was asked for help. {@code --} ends the options,
 * so that a PID file named {@code --help} can still be given.
 */
final class Arguments {

	private final List<String> operands = new ArrayList<>();

	private final Map<String, String> options = new LinkedHashMap<>();

	private boolean help;

	private Arguments() {
	}

	/**
	 * Parses a verb's arguments.
	 * @param args the arguments after the verb
	 * @param valueOptions the options this verb takes, each with a value
	 * @param usage the verb's usage line, for the error messages
	 * @return the parsed arguments
	 * @throws DaemonikerCli.UsageException on an unknown or incomplete option
	 */
	static Arguments parse(List<String> args, Set<String> valueOptions, String usage) {
		Arguments parsed = new Arguments();
		boolean optionsEnded = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
				parsed.operands.add(arg);
			}
			else if (arg.equals("--")) {
				optionsEnded = true;
			}
			else if (arg.equals("-h") || arg.equals("--help")) {
				parsed.help = true;
			}
			else {
				int equals = arg.indexOf('=');
				String name = (equals > 0) ? arg.substring(0, equals) : arg;
				if (!valueOptions.contains(name)) {
					throw new DaemonikerCli.UsageException(
							"unknown option \"" + name + "\"; expected: daemoniker " + usage);
				}
				String value;
				if (equals > 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.size()) {
					value = args.get(++i);
				}
				else {
					throw new DaemonikerCli.UsageException(name + " needs a value; expected: daemoniker " + usage);
				}
				if (parsed.options.put(name, value) != null) {
					throw new DaemonikerCli.UsageException(name + " is given twice");
				}
			}
		}
		return parsed;
	}

	boolean help() {
		return this.help;
	}

	List<String> operands() {
		return this.operands;
	}

	Optional<String> option(String name) {
		return Optional.ofNullable(this.options.get(name));
	}

}
