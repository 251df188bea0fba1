/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.daemoniker.support.Daemons;
import io.daemoniker.support.RealDaemonTests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up cache, with real daemons on the JDK that runs the tests (17) and on JDK
 * 25: the daemon's first orderly exit writes an archive that its next start maps (read
 * from {@code /proc/<pid>/maps}); an archive that is truncated, from another JVM, of
 * another user's, or in a directory others can write, costs one line and a normal start;
 * another jar or another application never uses it.
 */
@EnabledOnOs(OS.LINUX)
class StartupCacheTests extends RealDaemonTests {

	private static final String JDK_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

	private Path jar;

	private final java.util.Map<Long, Path> pidFiles = new java.util.concurrent.ConcurrentHashMap<>();

	@BeforeEach
	void packageTheTestDaemon() throws IOException {
		// A CDS archive holds classes from jars only, so the test daemon runs from one.
		this.jar = this.directory.resolve("app.jar");
		writeJar(this.jar, "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void theDaemonsOwnRunsMakeTheCacheThatItsNextStartMaps(String jdk) throws Exception {
		String java = java(jdk);
		long first = start(java, this.jar, this.pidFile, "beside");
		assertThat(caches()).as("written at exit, not before").isEmpty();
		stop(first);
		// JDK 17 has its archive now; on JDK 25 the next launcher makes the AOT cache
		// from the configuration that the first exit recorded.
		long second = start(java, this.jar, this.pidFile, "beside");
		Path cache = onlyCache();
		assertThat(cache.getFileName().toString()).startsWith("app-").endsWith(jdk.equals("25") ? ".aot" : ".jsa");
		assertMapped(second, cache);
		stop(second);
		long third = start(java, this.jar, this.pidFile, "beside");
		assertMapped(third, cache);
		stop(third);
		assertThat(onlyCache()).isEqualTo(cache);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aTruncatedCacheCostsOneLineAndIsMadeAgain(String jdk) throws Exception {
		String java = java(jdk);
		Path cache = warm(java, this.jar, this.pidFile);
		long size = Files.size(cache);
		// As a daemon killed while the JVM wrote the archive leaves it.
		try (RandomAccessFile file = new RandomAccessFile(cache.toFile(), "rw")) {
			file.setLength(size / 3);
		}
		Daemons.Result launch = launch(java, this.jar, this.pidFile, "beside");
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr().lines().filter((line) -> line.contains("start-up cache")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(cache.toString(), "cannot be used");
		stop(Daemons.pidIn(this.pidFile));
		assertMapped(start(java, this.jar, this.pidFile, "beside"), cache);
		stop(Daemons.pidIn(this.pidFile));
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aCacheOfAnotherJvmInItsPlaceIsNotUsed(String jdk) throws Exception {
		Path foreign = warm(java(jdk.equals("17") ? "25" : "17"), this.jar, this.pidFile);
		Path own = warm(java(jdk), this.jar, this.pidFile);
		assertThat(own).isNotEqualTo(foreign);
		// Its name is another: put its bytes where this JVM looks.
		Files.copy(foreign, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Daemons.Result launch = launch(java(jdk), this.jar, this.pidFile, "beside");
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).contains(own + " cannot be used");
		stop(Daemons.pidIn(this.pidFile));
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void anotherJarOrAnotherApplicationNeverUsesTheCache(String jdk) throws Exception {
		String java = java(jdk);
		Path cache = warm(java, this.jar, this.pidFile);
		// Another application, run with the same PID file.
		Path other = this.directory.resolve("other.jar");
		writeJar(other, "another application");
		long daemon = start(java, other, this.pidFile, "beside");
		assertThat(commandLine(daemon)).doesNotContain(cache.toString());
		assertThat(Files.readString(Path.of("/proc/" + daemon + "/maps"))).doesNotContain(cache.toString());
		stop(daemon);
		// The same jar, changed.
		writeJar(this.jar, "a new version");
		daemon = start(java, this.jar, this.pidFile, "beside");
		assertThat(commandLine(daemon)).doesNotContain(cache.toString());
		stop(daemon);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aDirectoryOthersCanWriteInGetsNoCache(String jdk) throws Exception {
		Path shared = Files.createDirectory(this.directory.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Daemons.Result launch = launch(java(jdk), this.jar, this.pidFile, shared.toString());
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).contains("no start-up cache: " + shared + " can be written by others");
		long daemon = Daemons.pidIn(this.pidFile);
		assertThat(commandLine(daemon)).doesNotContain("SharedArchiveFile")
			.doesNotContain("ArchiveClassesAtExit")
			.doesNotContain("AOT");
		stop(daemon);
		try (Stream<Path> files = Files.list(shared)) {
			assertThat(files).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aPrivateDirectoryBelowOneThatOthersCanWriteInGetsNoCache(String jdk) throws Exception {
		// The directory is this user's alone, but another user could rename it away and
		// put one of theirs, holding an archive of theirs, in its place.
		Path shared = Files.createDirectory(this.directory.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path own = Files.createDirectory(shared.resolve("own"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Daemons.Result launch = launch(java(jdk), this.jar, this.pidFile, own.toString());
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).contains("no start-up cache: " + shared + " can be written by others and is not "
				+ "sticky; keep the cache below directories that only you or root can change");
		long daemon = Daemons.pidIn(this.pidFile);
		assertThat(commandLine(daemon)).doesNotContain("SharedArchiveFile")
			.doesNotContain("ArchiveClassesAtExit")
			.doesNotContain("AOT");
		stop(daemon);
		try (Stream<Path> files = Files.list(own)) {
			assertThat(files).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aMissingDirectoryGetsNoCacheAndTheStartSucceeds(String jdk) throws Exception {
		Path missing = this.directory.resolve("missing");
		Daemons.Result launch = launch(java(jdk), this.jar, this.pidFile, missing.toString());
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).contains("no start-up cache: cannot read " + missing);
		stop(Daemons.pidIn(this.pidFile));
		assertThat(missing).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aCacheOfAnotherUserIsLeftAlone(String jdk) throws Exception {
		Optional<UserPrincipal> nobody = nobody();
		Assumptions.assumeTrue(nobody.isPresent() && "root".equals(System.getProperty("user.name")),
				"needs root and the user nobody");
		String java = java(jdk);
		Path cache = warm(java, this.jar, this.pidFile);
		Files.setOwner(cache, nobody.get());
		byte[] before = Files.readAllBytes(cache);
		Daemons.Result launch = launch(java, this.jar, this.pidFile, "beside");
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).contains("no start-up cache: " + cache + " belongs to nobody");
		long daemon = Daemons.pidIn(this.pidFile);
		assertThat(commandLine(daemon)).doesNotContain(cache.toString());
		stop(daemon);
		assertThat(Files.readAllBytes(cache)).isEqualTo(before);
		assertThat(Files.getOwner(cache)).isEqualTo(nobody.get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aDaemonKilledBeforeItsFirstExitLeavesNoCacheAndTheNextStartsMakeIt(String jdk) throws Exception {
		String java = java(jdk);
		long daemon = start(java, this.jar, this.pidFile, "beside");
		ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
		awaitGone(daemon);
		assertThat(caches()).isEmpty();
		Files.deleteIfExists(this.pidFile);
		warm(java, this.jar, this.pidFile);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void twoDaemonsOfDifferentApplicationsInOneDirectoryKeepTheirOwnCaches(String jdk) throws Exception {
		String java = java(jdk);
		Path other = this.directory.resolve("other.jar");
		writeJar(other, "another application");
		Path otherPidFile = this.directory.resolve("other.pid");
		for (int i = 0; i < 2; i++) {
			long one = start(java, this.jar, this.pidFile, "beside");
			long two = start(java, other, otherPidFile, "beside");
			stop(one);
			stop(two);
		}
		long one = start(java, this.jar, this.pidFile, "beside");
		long two = start(java, other, otherPidFile, "beside");
		List<Path> caches = caches();
		assertThat(caches).hasSize(2);
		Path ones = caches.stream()
			.filter((cache) -> cache.getFileName().toString().startsWith("app-"))
			.findFirst()
			.orElseThrow();
		Path twos = caches.stream()
			.filter((cache) -> cache.getFileName().toString().startsWith("other-"))
			.findFirst()
			.orElseThrow();
		assertMapped(one, ones);
		assertMapped(two, twos);
		assertThat(Files.readString(Path.of("/proc/" + one + "/maps"))).doesNotContain(twos.toString());
		stop(one);
		stop(two);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17", "25" })
	void aRestartedDaemonGetsTheCacheAgainAndIsNoTrainingRun(String jdk) throws Exception {
		String java = java(jdk);
		// A daemon that records: the old daemon's exit makes the cache, which the new
		// launcher gives to the new daemon instead of copying the old one's options.
		long before = start(java, this.jar, this.pidFile, "beside");
		Daemons.Result restart = this.daemons.run(List.of(java, "-cp", classPath(this.jar),
				"io.daemoniker.cli.DaemonikerCli", "restart", this.pidFile.toString()), this.directory);
		assertThat(restart.exitCode()).as(restart.toString()).isZero();
		long after = Daemons.pidIn(this.pidFile);
		assertThat(after).isNotEqualTo(before);
		Path cache = onlyCache();
		assertMapped(after, cache);
		// The cache's options once, from the new launcher, not copied from the old
		// daemon.
		String commandLine = commandLine(after);
		assertThat(commandLine.indexOf(cache.toString())).isEqualTo(commandLine.lastIndexOf(cache.toString()));
		stop(after);
	}

	/**
	 * Starts and stops the daemon until its cache exists: once on JDK 17, twice on JDK
	 * 25.
	 */
	private Path warm(String java, Path jar, Path pidFile) throws Exception {
		List<Path> before = caches();
		for (int i = 0; i < 2; i++) {
			stop(start(java, jar, pidFile, "beside"));
		}
		List<Path> made = new ArrayList<>(caches());
		made.removeAll(before);
		assertThat(made).hasSize(1);
		return made.get(0);
	}

	private static void assertMapped(long pid, Path cache) throws IOException {
		assertThat(Files.readString(Path.of("/proc/" + pid + "/maps"))).as("the daemon maps its cache")
			.contains(cache.toString());
	}

	private long start(String java, Path jar, Path pidFile, String cache) {
		Daemons.Result launch = launch(java, jar, pidFile, cache);
		assertThat(launch.exitCode()).as(launch.toString()).isZero();
		assertThat(launch.stderr()).as("nothing to say about the cache").doesNotContain("start-up cache");
		long pid = Daemons.pidIn(pidFile);
		this.pidFiles.put(pid, pidFile);
		return pid;
	}

	private Daemons.Result launch(String java, Path jar, Path pidFile, String cache) {
		List<String> command = new ArrayList<>(List.of(java, this.daemons.marker(), "-Dtest.startupCache=" + cache,
				"-cp", classPath(jar), Daemons.APP, pidFile.toString(), this.log.toString()));
		return this.daemons.run(command, this.directory);
	}

	private void stop(long pid) throws Exception {
		Path pidFile = this.pidFiles.getOrDefault(pid, this.pidFile);
		assertThat(Daemoniker.stop(pidFile, Duration.ofSeconds(60))).isTrue();
		awaitGone(pid);
	}

	private static void awaitGone(long pid) throws InterruptedException {
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		if (process.isPresent()) {
			process.get().onExit().join();
		}
	}

	private List<Path> caches() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().matches(".*\\.(jsa|aot)")).sorted().toList();
		}
	}

	private Path onlyCache() throws IOException {
		List<Path> caches = caches();
		assertThat(caches).hasSize(1);
		return caches.get(0);
	}

	private static String commandLine(long pid) throws IOException {
		return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
	}

	private static String java(String jdk) {
		if (jdk.equals("25")) {
			Assumptions.assumeTrue(Files.isExecutable(Path.of(JDK_25)), "JDK 25 is not installed at " + JDK_25);
			return JDK_25;
		}
		Assumptions.assumeTrue(Runtime.version().feature() == 17, "the tests run on JDK 17");
		return Daemons.JAVA;
	}

	private static Optional<UserPrincipal> nobody() {
		try {
			return Optional
				.of(Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns the test daemon's class path with its classes in this jar, and the jars it
	 * needs.
	 */
	private static String classPath(Path jar) {
		List<String> entries = new ArrayList<>(List.of(jar.toString()));
		for (String entry : Daemons.CLASSPATH.split(File.pathSeparator)) {
			if (entry.endsWith(".jar")) {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * Writes a jar of the core's and the tests' classes, with a marker entry that makes
	 * two jars differ.
	 */
	private static void writeJar(Path jar, String marker) throws IOException {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String entry : Daemons.CLASSPATH.split(File.pathSeparator)) {
				Path root = Path.of(entry);
				if (Files.isDirectory(root)) {
					addTree(out, root);
				}
			}
			out.putNextEntry(new JarEntry("marker.txt"));
			out.write(marker.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
	}

	private static void addTree(JarOutputStream out, Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				String name = root.relativize(file).toString().replace(File.separatorChar, '/');
				if (name.equals("marker.txt") || name.startsWith("META-INF/MANIFEST")) {
					continue;
				}
				out.putNextEntry(new JarEntry(name));
				try (OutputStream ignored = OutputStream.nullOutputStream()) {
					Files.copy(file, out);
				}
				out.closeEntry();
			}
		}
	}

}
