/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.launch.spawn;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClosePlan}.
 */
class ClosePlanTests {

	@Test
	void withoutShieldedDescriptorsEverythingFromThreeIsClosedAsOneRange() {
		ClosePlan plan = ClosePlan.withCloseFrom(Set.of(), (fd) -> true);
		assertThat(plan.closes()).isEmpty();
		assertThat(plan.closeFrom()).hasValue(3);
	}

	@Test
	void rangeStartsAboveTheHighestShieldedDescriptorAndOpenOnesInTheGapsAreClosedSingly() {
		Set<Integer> open = Set.of(3, 5, 6, 8, 9);
		ClosePlan plan = ClosePlan.withCloseFrom(Set.of(5, 9), open::contains);
		assertThat(plan.closes()).containsExactly(3, 6, 8);
		assertThat(plan.closeFrom()).hasValue(10);
	}

	@Test
	void explicitPlanClosesOpenDescriptorsBelowTheLimitExceptShieldedOnes() {
		ClosePlan plan = ClosePlan.explicit(List.of(0, 1, 2, 3, 4, 7, 1023, 1024, 5000), Set.of(4), 1024);
		assertThat(plan.closes()).containsExactly(3, 7, 1023);
		assertThat(plan.closeFrom()).isEmpty();
	}

}
