/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.daemoniker.boot.OnSignal;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;

/**
 * Finds the {@link OnSignal} methods of all beans once the singletons exist, as
 * {@code EventListenerMethodProcessor} finds {@code @EventListener} methods, and
 * registers them with the {@link SignalMethodRegistry}. Every invalid method is reported
 * at once, and the context fails to start.
 */
final class OnSignalMethodProcessor implements SmartInitializingSingleton, BeanFactoryAware {

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	// Classes already found to have no @OnSignal method, as EventListenerMethodProcessor
	// keeps them: many beans share a class, and introspecting it again is wasted work.
	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No bean factory");
		SignalMethodRegistry registry = factory.getBeanProvider(SignalMethodRegistry.class).getIfAvailable();
		if (registry == null) {
			return;
		}
		List<String> problems = new ArrayList<>();
		for (String beanName : factory.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type;
			try {
				type = AutoProxyUtils.determineTargetClass(factory, beanName);
			}
			catch (RuntimeException ex) {
				// An unresolvable bean type: there is no class to inspect.
				continue;
			}
			if (type != null && !this.nonAnnotatedClasses.contains(type)) {
				if (!process(factory, beanName, type, registry, problems)) {
					this.nonAnnotatedClasses.add(type);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid @OnSignal method" + ((problems.size() > 1) ? "s" : "") + ":\n  "
					+ String.join("\n  ", problems));
		}
	}

	private static boolean process(ConfigurableListableBeanFactory factory, String beanName, Class<?> type,
			SignalMethodRegistry registry, List<String> problems) {
		Map<Method, OnSignal> annotated = findAnnotatedMethods(type);
		if (annotated.isEmpty()) {
			return false;
		}
		Class<?> exposedType = factory.getType(beanName);
		for (Map.Entry<Method, OnSignal> entry : annotated.entrySet()) {
			Method method = entry.getKey();
			try {
				Method invocable = AopUtils.selectInvocableMethod(method, (exposedType != null) ? exposedType : type);
				registry.register(SignalMethod.of(beanName, invocable, entry.getValue(), factory));
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				problems
					.add(type.getName() + "." + method.getName() + " of bean '" + beanName + "': " + ex.getMessage());
			}
		}
		return true;
	}

	static Map<Method, OnSignal> findAnnotatedMethods(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, OnSignal.class) || type.getName().startsWith("java.")) {
			return Map.of();
		}
		return MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<OnSignal>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, OnSignal.class));
	}

}
