/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import io.daemoniker.ReceivedSignal;
import io.daemoniker.boot.OnSignal;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * An {@link OnSignal} method of a bean, checked, and called through the bean as the bean
 * factory hands it out (its proxy, if it has one).
 */
final class SignalMethod {

	private final String beanName;

	private final Method method;

	private final Set<Integer> signals;

	private final BeanFactory beanFactory;

	private SignalMethod(String beanName, Method method, Set<Integer> signals, BeanFactory beanFactory) {
		this.beanName = beanName;
		this.method = method;
		this.signals = signals;
		this.beanFactory = beanFactory;
		ReflectionUtils.makeAccessible(method);
	}

	/**
	 * Checks an annotated method and prepares to call it.
	 * @param beanName the bean's name
	 * @param method the method, invocable on the bean as the factory hands it out
	 * @param annotation its annotation
	 * @param beanFactory the bean factory
	 * @return the method
	 * @throws IllegalArgumentException saying what is wrong with the method
	 */
	static SignalMethod of(String beanName, Method method, OnSignal annotation, BeanFactory beanFactory) {
		String[] names = annotation.signals();
		if (names.length == 0) {
			throw new IllegalArgumentException("it names no signal; name at least one of " + Signals.SUPPORTED_NAMES
					+ ", as in @OnSignal(\"HUP\")");
		}
		Set<Integer> signals = new LinkedHashSet<>();
		for (String name : names) {
			signals.add(Signals.number(name));
		}
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length > 1) {
			throw new IllegalArgumentException(
					"it takes " + parameters.length + " parameters; " + expectedParameters());
		}
		if (parameters.length == 1) {
			Class<?> type = parameters[0];
			boolean number = type == int.class || type == Integer.class;
			if (!number && !ReceivedSignal.class.isAssignableFrom(type)) {
				throw new IllegalArgumentException(
						"it takes a parameter of type " + type.getName() + "; " + expectedParameters());
			}
			for (int signum : signals) {
				if (!number && !type.isInstance(ReceivedSignal.of(signum))) {
					throw new IllegalArgumentException("its parameter of type " + type.getSimpleName()
							+ " cannot hold SIG" + Signals.name(signum) + "; take a ReceivedSignal instead");
				}
			}
		}
		return new SignalMethod(beanName, method, Set.copyOf(signals), beanFactory);
	}

	private static String expectedParameters() {
		return "an @OnSignal method takes no parameter, or one: the signal as int, Integer or ReceivedSignal";
	}

	/**
	 * Returns the signals this method handles.
	 * @return signal numbers
	 */
	Set<Integer> signals() {
		return this.signals;
	}

	/**
	 * Calls the method for a signal.
	 * @param signum the signal number
	 * @throws Throwable whatever the method throws
	 */
	void invoke(int signum) throws Throwable {
		Object bean = this.beanFactory.getBean(this.beanName);
		Object[] arguments = new Object[this.method.getParameterCount()];
		if (arguments.length == 1) {
			Class<?> type = this.method.getParameterTypes()[0];
			arguments[0] = (type == int.class || type == Integer.class) ? Integer.valueOf(signum)
					: ReceivedSignal.of(signum);
		}
		try {
			this.method.invoke(bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@Override
	public String toString() {
		return ClassUtils.getQualifiedMethodName(this.method) + " of bean '" + this.beanName + "'";
	}

}
