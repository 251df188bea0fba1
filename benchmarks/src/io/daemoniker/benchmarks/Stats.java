/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of a sample, by the nearest-rank method (a p90 of 20 runs is the 18th
 * smallest value).
 *
 * @param sorted the values, ascending
 */
record Stats(List<Long> sorted) {

	static Stats of(List<Long> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return new Stats(sorted);
	}

	int count() {
		return this.sorted.size();
	}

	long percentile(double p) {
		int rank = (int) Math.ceil(p / 100.0 * this.sorted.size());
		return this.sorted.get(Math.max(0, Math.min(this.sorted.size() - 1, rank - 1)));
	}

	long p50() {
		return percentile(50);
	}

	long p90() {
		return percentile(90);
	}

	long p99() {
		return percentile(99);
	}

	long min() {
		return this.sorted.get(0);
	}

	long max() {
		return this.sorted.get(this.sorted.size() - 1);
	}

}
