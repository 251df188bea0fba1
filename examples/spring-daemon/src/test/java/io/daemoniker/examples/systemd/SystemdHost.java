/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.examples.systemd;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.daemoniker.examples.systemd.NspawnContainer.Result;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the systemd tests do with their container: install the operations guide's units as
 * written, drive them with {@code systemctl}, and read back {@code systemctl show}, the
 * status and the journal.
 */
final class SystemdHost {

	static final String[] STATE = { "ActiveState", "SubState", "Result", "ExecMainStatus", "MainPID", "NRestarts" };

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Pattern SNIPPET = Pattern.compile("<!-- check: ([\\w-]+) -->\\s*```\\w*\\n(.*?)```",
			Pattern.DOTALL);

	private final NspawnContainer container;

	private final String guide;

	private String cursor = "";

	SystemdHost(NspawnContainer container, String guide) {
		this.container = container;
		this.guide = guide;
	}

	/**
	 * Boots the container with the example jars where the guide's units expect them, or
	 * skips the calling tests, loudly, where this machine cannot boot one.
	 * @param work a directory for the harness's own files
	 * @return the booted host
	 * @throws Exception if the machine could boot a container and booting failed
	 */
	static SystemdHost boot(Path work) throws Exception {
		return boot(work, "bookworm");
	}

	/**
	 * Boots the container of a Debian suite, as {@link #boot(Path)} does.
	 * @param work a directory for the harness's own files
	 * @param suite {@code bookworm} (systemd 252) or {@code trixie} (systemd 257)
	 * @return the booted host
	 * @throws Exception if the machine could boot a container and booting failed
	 */
	static SystemdHost boot(Path work, String suite) throws Exception {
		Optional<String> unavailable = NspawnContainer.unavailable();
		unavailable.ifPresent((reason) -> skip("cannot boot a systemd container here: " + reason));
		Path root = Path.of(System.getProperty("daemoniker.repository.root", "../..")).toAbsolutePath().normalize();
		Path springJar = Path.of(System.getProperty("daemoniker.test.jar", "target/spring-daemon.jar"));
		Path cli = Path
			.of(System.getProperty("daemoniker.test.cli", root + "/daemoniker-core/target/daemoniker-cli.jar"));
		Path plainJar = root.resolve("examples/plain-daemon/target/plain-daemon.jar");
		Path command = root.resolve("daemoniker-distribution/src/bin/daemoniker");
		for (Path jar : new Path[] { springJar, cli, plainJar, command }) {
			if (!Files.isRegularFile(jar)) {
				skip(jar + " is not built; build the whole reactor (mvn verify from the top)");
			}
		}
		DebianRootFs rootFs = DebianRootFs.of(suite);
		long started = System.nanoTime();
		boolean built = rootFs.ensureBuilt(work.resolve("mmdebstrap.log"));
		long rootFsMillis = (System.nanoTime() - started) / 1_000_000;
		// The daemoniker command as the distribution archive lays it out, at the path the
		// guide's units call it by.
		NspawnContainer container = NspawnContainer.boot(rootFs,
				Map.of("/opt/plain-daemon/plain-daemon.jar", plainJar, "/opt/spring-daemon/spring-daemon.jar",
						springJar, "/opt/daemoniker/bin/daemoniker", command, "/opt/daemoniker/lib/daemoniker-cli.jar",
						cli),
				work);
		Result link = container.exec("ln", "-s", "/opt/daemoniker/bin/daemoniker", "/usr/local/bin/daemoniker");
		if (link.exitCode() != 0) {
			container.close();
			throw new IllegalStateException("cannot link /usr/local/bin/daemoniker in the container: " + link);
		}
		long bootMillis = (System.nanoTime() - started) / 1_000_000 - rootFsMillis;
		System.out.println("systemd container: root file system " + (built ? "built" : "cached") + " in " + rootFsMillis
				+ " ms (" + rootFs + "), booted in " + bootMillis + " ms, " + container + ", "
				+ container.exec("systemctl", "--version").stdout().lines().findFirst().orElse(""));
		return new SystemdHost(container, Files.readString(root.resolve("docs/operations.md")));
	}

	private static void skip(String reason) {
		String banner = "\n*****\n***** SYSTEMD TESTS NOT RUN: " + reason + "\n*****\n";
		// Also past the test output redirection, so that the build's own output shows it.
		System.err.println(banner);
		new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(banner);
		Assumptions.abort(reason);
	}

	NspawnContainer container() {
		return this.container;
	}

	/**
	 * Returns the code block of the guide that follows {@code <!-- check: NAME -->}.
	 * @param name the snippet's name
	 * @return its text
	 */
	String snippet(String name) {
		Matcher matcher = SNIPPET.matcher(this.guide);
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		throw new IllegalArgumentException("no snippet " + name + " in docs/operations.md");
	}

	/**
	 * Installs a unit snippet of the guide at the path its first line names.
	 * @param snippet the snippet's name
	 * @return the unit's name
	 */
	String install(String snippet) {
		String text = snippet(snippet);
		String path = text.lines().findFirst().orElseThrow().replaceFirst("^#\\s*", "").strip();
		assertThat(path).startsWith("/etc/systemd/system/");
		String unit = path.substring(path.lastIndexOf('/') + 1);
		return installUnit(unit, text);
	}

	String installUnit(String unit, String text) {
		this.container.write("/etc/systemd/system/" + unit, text);
		reload();
		markJournal();
		return unit;
	}

	/**
	 * Adds a drop-in to a unit, the way an administrator overrides a setting.
	 * @param unit the unit
	 * @param text the drop-in's content
	 */
	void dropIn(String unit, String text) {
		this.container.write("/etc/systemd/system/" + unit + ".d/test.conf", text);
		reload();
	}

	/**
	 * Stops a unit and removes its files, so that the next test starts from nothing.
	 * @param unit the unit
	 */
	void remove(String unit) {
		systemctl("stop", unit);
		this.container.exec("rm", "-rf", "/etc/systemd/system/" + unit, "/etc/systemd/system/" + unit + ".d");
		systemctl("reset-failed", unit);
		reload();
	}

	private void reload() {
		Result reload = systemctl("daemon-reload");
		assertThat(reload.exitCode()).as(reload.toString()).isZero();
	}

	/**
	 * Remembers where the journal ends, so that {@link #journal(String)} shows only what
	 * came after.
	 */
	void markJournal() {
		String output = this.container.exec("journalctl", "-n", "0", "--show-cursor", "-q").stdout();
		this.cursor = output.lines()
			.filter((line) -> line.startsWith("-- cursor: "))
			.map((line) -> line.substring("-- cursor: ".length()).strip())
			.findFirst()
			.orElse("");
	}

	Result systemctl(String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "systemctl";
		System.arraycopy(args, 0, command, 1, args.length);
		return this.container.exec(command);
	}

	Result status(String unit) {
		return systemctl("status", "--no-pager", "--full", "--lines=40", unit);
	}

	/**
	 * Returns properties of a unit, as {@code systemctl show} gives them.
	 * @param unit the unit
	 * @param properties the properties, {@link #STATE} when none are given
	 * @return the values by name
	 */
	Map<String, String> show(String unit, String... properties) {
		String[] names = (properties.length > 0) ? properties : STATE;
		return systemctl("show", "-p", String.join(",", names), unit).properties();
	}

	/**
	 * Waits until a unit is in a state.
	 * @param unit the unit
	 * @param activeState the {@code ActiveState} to wait for
	 * @param subState the {@code SubState} to wait for
	 * @return the unit's {@link #STATE} properties then
	 */
	Map<String, String> awaitState(String unit, String activeState, String subState) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Map<String, String> state = show(unit);
			assertThat(state).as(unit + "\n" + journal(unit)).containsEntry("ActiveState", activeState);
			assertThat(state).containsEntry("SubState", subState);
		});
		return show(unit);
	}

	/**
	 * Waits until the journal of a unit holds a text.
	 * @param unit the unit
	 * @param text the text
	 */
	void awaitJournal(String unit, String text) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(journal(unit)).contains(text));
	}

	/**
	 * Returns what the journal holds for a unit since it was installed.
	 * @param unit the unit
	 * @return the journal's lines
	 */
	String journal(String unit) {
		if (this.cursor.isEmpty()) {
			return this.container.exec("journalctl", "--no-pager", "-u", unit).stdout();
		}
		return this.container.exec("journalctl", "--no-pager", "-u", unit, "--after-cursor=" + this.cursor).stdout();
	}

	long mainPid(String unit) {
		return Long.parseLong(show(unit, "MainPID").get("MainPID"));
	}

	/**
	 * Waits until a file in the container holds a text.
	 * @param path the file
	 * @param text the text
	 */
	void awaitFile(String path, String text) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(this.container.read(path))
				.hasValueSatisfying((content) -> assertThat(content).contains(text)));
	}

	void addSystemUser(String user) {
		Result useradd = this.container.exec("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
				user);
		assertThat(useradd.exitCode()).as(useradd.toString()).isIn(0, 9);
	}

	String user(long pid) {
		return this.container.exec("ps", "-o", "user=", "-p", Long.toString(pid)).stdout().strip();
	}

	void close() throws IOException {
		this.container.close();
	}

}
