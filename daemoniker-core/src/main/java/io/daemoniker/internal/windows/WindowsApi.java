/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.BaseTSD.SIZE_T;
import com.sun.jna.platform.win32.BaseTSD.ULONG_PTRByReference;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the Windows code needs of {@code kernel32} that JNA's platform library (5.19) does
 * not have; everything else comes from its {@code Kernel32}, {@code WinBase} and
 * {@code WinNT}. Written here because the platform library lacks them:
 * {@code GetCommandLineW}; {@code InitializeProcThreadAttributeList},
 * {@code UpdateProcThreadAttribute} and {@code DeleteProcThreadAttributeList};
 * {@code PROC_THREAD_ATTRIBUTE_HANDLE_LIST}; {@code STARTUPINFOEXW}; and
 * {@code CreateProcessW} taking one, where {@code Kernel32.CreateProcessW} takes the
 * plain {@code STARTUPINFO} only, which cannot limit the handles a child inherits. Loaded
 * on first use of {@link #get()}: only Windows code paths call it.
 */
interface WindowsApi extends StdCallLibrary {

	/** Attribute that lists the only handles a child inherits. */
	int PROC_THREAD_ATTRIBUTE_HANDLE_LIST = 0x00020002;

	/**
	 * Returns the bindings, loading them on first use.
	 * @return the bindings
	 */
	static WindowsApi get() {
		return Holder.INSTANCE;
	}

	@Nullable Pointer GetCommandLineW();

	boolean CreateProcessW(@Nullable WString applicationName, char[] commandLine, @Nullable Pointer processAttributes,
			@Nullable Pointer threadAttributes, boolean inheritHandles, int creationFlags,
			@Nullable Pointer environment, WString currentDirectory, StartupInfoEx startupInfo,
			WinBase.PROCESS_INFORMATION processInformation);

	boolean InitializeProcThreadAttributeList(@Nullable Pointer attributeList, int attributeCount, int flags,
			ULONG_PTRByReference size);

	boolean UpdateProcThreadAttribute(Pointer attributeList, int flags, SIZE_T attribute, Pointer value, SIZE_T size,
			@Nullable Pointer previousValue, @Nullable Pointer returnSize);

	void DeleteProcThreadAttributeList(Pointer attributeList);

	/**
	 * {@code STARTUPINFOEXW}: the start-up information with an attribute list.
	 */
	@Structure.FieldOrder({ "StartupInfo", "lpAttributeList" })
	class StartupInfoEx extends Structure {

		/** The plain start-up information. */
		public WinBase.STARTUPINFO StartupInfo = new WinBase.STARTUPINFO();

		/** The attribute list. */
		public @Nullable Pointer lpAttributeList;

	}

	/**
	 * Loads the bindings when first needed.
	 */
	final class Holder {

		static final WindowsApi INSTANCE = Native.load("kernel32", WindowsApi.class, W32APIOptions.DEFAULT_OPTIONS);

		private Holder() {
		}

	}

}
