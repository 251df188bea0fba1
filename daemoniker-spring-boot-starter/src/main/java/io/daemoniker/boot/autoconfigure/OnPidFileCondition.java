/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.util.Optional;

import io.daemoniker.Daemoniker;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code daemoniker.pid-file} has a value: the same test as the early
 * listener's, so that an empty value leaves the application alone in both places.
 */
class OnPidFileCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String pidFile = context.getEnvironment().getProperty("daemoniker.pid-file");
		Optional<String> training = TrainingRun.detect();
		if (StringUtils.hasText(pidFile) && training.isPresent() && !Daemoniker.isDaemon()) {
			return ConditionOutcome.noMatch("training run (" + training.get() + ")");
		}
		return StringUtils.hasText(pidFile) ? ConditionOutcome.match("daemoniker.pid-file is " + pidFile)
				: ConditionOutcome.noMatch("daemoniker.pid-file is not set");
	}

}
