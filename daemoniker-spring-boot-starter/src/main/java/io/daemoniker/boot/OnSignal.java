/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as a handler of one or several signals, as {@code @EventListener}
 * marks a handler of application events. The method is called, through the bean's proxy
 * if it has one, for every delivery of its signals, once the application context has
 * started and as long as the {@code daemoniker.pid-file} property is set.
 * <p>
 * Handlers run one at a time on Daemoniker's signal dispatch thread, in the order the
 * signals arrive; a signal that the JVM receives while a handler runs waits for its turn.
 * Signals of one kind sent faster than the JVM takes them can be merged into one by the
 * kernel before the JVM sees them, so a handler should act on the current state rather
 * than count calls. A handler that throws is logged, and the next handler runs.
 * <p>
 * The method takes no parameter, or one: the signal number as {@code int} or
 * {@code Integer}, or the signal as {@link io.daemoniker.ReceivedSignal} (such as
 * {@link io.daemoniker.SIGHUP}). Its return value is ignored.
 * <p>
 * Signals are named as {@code "HUP"} or {@code "SIGHUP"}, in any case. Java lets an
 * application handle {@code INT}, {@code TERM}, {@code ABRT}, {@code HUP} and
 * {@code USR1}; any other name makes the application fail to start. Handlers for
 * {@code TERM} and {@code INT} run before the graceful shutdown that these signals start
 * (see the {@code daemoniker.shutdown-signals} property); they do not prevent it.
 *
 * <pre class="code">
 * &#64;OnSignal("HUP")
 * void reload() {
 *     this.settings.reload();
 * }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnSignal {

	/**
	 * Alias for {@link #signals()}.
	 * @return the signals
	 */
	@AliasFor("signals")
	String[] value() default {};

	/**
	 * The signals this method handles, at least one: {@code INT}, {@code TERM},
	 * {@code ABRT}, {@code HUP} or {@code USR1}, with or without the {@code SIG} prefix.
	 * @return the signals
	 */
	@AliasFor("value")
	String[] signals() default {};

}
