/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Describes why an application failed to start, for the launcher to print: Spring Boot's
 * failure analysis when one applies ("Port 8080 was already in use"), else the exception
 * and its root cause.
 */
final class StartupFailure {

	private StartupFailure() {
	}

	static String describe(Throwable failure, @Nullable ConfigurableApplicationContext context) {
		FailureAnalysis analysis = analyze(failure, context);
		if (analysis != null) {
			String action = analysis.getAction();
			return analysis.getDescription().strip()
					+ ((action != null && !action.isBlank()) ? "\nAction: " + action.strip() : "");
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return failure + ((root != failure) ? "\nCaused by: " + root : "");
	}

	private static @Nullable FailureAnalysis analyze(Throwable failure,
			@Nullable ConfigurableApplicationContext context) {
		try {
			ClassLoader classLoader = (context != null && context.getClassLoader() != null) ? context.getClassLoader()
					: StartupFailure.class.getClassLoader();
			ArgumentResolver arguments = ArgumentResolver.none();
			if (context != null) {
				arguments = ArgumentResolver.of(BeanFactory.class, (BeanFactory) context.getBeanFactory())
					.and(Environment.class, context.getEnvironment());
			}
			List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
				.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
				}));
			for (FailureAnalyzer analyzer : analyzers) {
				FailureAnalysis analysis = analyzer.analyze(failure);
				if (analysis != null) {
					return analysis;
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// The analysis is a courtesy: the plain exception describes the failure too.
		}
		return null;
	}

}
