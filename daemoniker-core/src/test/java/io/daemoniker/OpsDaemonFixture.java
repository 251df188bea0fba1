/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A daemon for the operations tests:
 * {@code <pid-file> <log-file|-> [mode=daemon|foreground|auto] [user=U] [group=G] [nocore] [reopen=HUP|USR1|none] [hup=none]}.
 * It logs its start with its user and group ids, logs {@code SIGHUP} and {@code SIGUSR1}
 * from handlers of {@link SignalHandler1}, and ends on {@code SIGTERM} by the default
 * handler.
 */
public final class OpsDaemonFixture {

	private OpsDaemonFixture() {
	}

	public static void main(String[] args) throws Exception {
		Path pidFile = Path.of(args[0]);
		DaemonizeOptions.Builder options = DaemonizeOptions.builder();
		if (!"-".equals(args[1])) {
			options.stdout(Path.of(args[1])).stderr(Path.of(args[1]));
		}
		boolean hupHandler = true;
		for (String arg : List.of(args).subList(2, args.length)) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("mode=")) {
				options.mode(RunMode.parse(value));
			}
			else if (arg.startsWith("user=")) {
				options.user(value);
			}
			else if (arg.startsWith("group=")) {
				options.group(value);
			}
			else if (arg.equals("nocore")) {
				options.preventCoreDumps(true);
			}
			else if (arg.startsWith("reopen=")) {
				options.reopenStreamsOn("none".equals(value) ? null : value);
			}
			else if (arg.equals("hup=none")) {
				hupHandler = false;
			}
		}
		Daemoniker.daemonize(pidFile, options.build());
		SignalHandler1 signals = new SignalHandler1(pidFile);
		if (hupHandler) {
			signals.setSighup((signum) -> System.out.println("user HUP handler ran"));
		}
		signals.setSigusr1((signum) -> System.out.println("usr1 line"));
		signals.start();
		// Said once the handlers are in place: a test signals as soon as it reads this.
		System.out.println("started pid=" + ProcessHandle.current().pid() + " " + ids());
		while (true) {
			Thread.sleep(60_000);
		}
	}

	private static String ids() throws Exception {
		StringBuilder ids = new StringBuilder();
		for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
			if (line.startsWith("Uid:") || line.startsWith("Gid:")) {
				ids.append(line.replaceAll("\\s+", " ")).append(' ');
			}
		}
		return ids.toString().trim();
	}

}
