/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telling a run that trains a CDS archive or an AOT cache from one that serves.
 */
class TrainingRunTests {

	@Test
	void contextExitOnRefreshIsATrainingRun() {
		assertThat(TrainingRun.detect(Map.of("spring.context.exit", "onRefresh")::get, List.of()))
			.hasValue("spring.context.exit=onRefresh");
		assertThat(TrainingRun.detect(Map.of("spring.context.checkpoint", "onrefresh")::get, List.of()))
			.hasValue("spring.context.checkpoint=onrefresh");
	}

	@Test
	void recordingJvmOptionsMakeATrainingRun() {
		for (String option : List.of("-XX:ArchiveClassesAtExit=app.jsa", "-XX:AOTCacheOutput=app.aot",
				"-XX:AOTMode=record", "-XX:DumpLoadedClassList=classes.lst")) {
			assertThat(TrainingRun.detect(Map.<String, String>of()::get, List.of("-Xmx64m", option))).hasValue(option);
		}
	}

	@Test
	void servingFromAnArchiveOrCacheIsNoTrainingRun() {
		assertThat(
				TrainingRun.detect(Map.of("spring.context.exit", "none")::get, List.of("-XX:SharedArchiveFile=app.jsa",
						"-XX:AOTCache=app.aot", "-XX:AOTMode=auto", "-XX:+AutoCreateSharedArchive")))
			.isEmpty();
	}

}
