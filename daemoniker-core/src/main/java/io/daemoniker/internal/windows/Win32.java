/*
 * Copyright 2026 the Daemoniker authors.
 * Licensed under the Apache License, Version 2.0.
 */
package io.daemoniker.internal.windows;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.BaseTSD.SIZE_T;
import com.sun.jna.platform.win32.BaseTSD.ULONG_PTRByReference;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import org.jspecify.annotations.Nullable;

/**
 * Process creation and pipes on Windows. Every method loads {@code kernel32} bindings on
 * first use; nothing here runs on other systems.
 */
final class Win32 {

	private Win32() {
	}

	static Kernel32 kernel32() {
		return Kernel32.INSTANCE;
	}

	/**
	 * Returns the command line this process was started with.
	 */
	static String commandLine() {
		Pointer line = WindowsApi.get().GetCommandLineW();
		return (line != null) ? line.getWideString(0) : "";
	}

	/**
	 * Creates an anonymous pipe whose ends are not inheritable; {@link #inheritable}
	 * marks the end a child gets.
	 */
	static Pipe pipe() throws IOException {
		HANDLEByReference read = new HANDLEByReference();
		HANDLEByReference write = new HANDLEByReference();
		WinBase.SECURITY_ATTRIBUTES attributes = new WinBase.SECURITY_ATTRIBUTES();
		attributes.bInheritHandle = false;
		if (!kernel32().CreatePipe(read, write, attributes, 0)) {
			throw error("cannot create a pipe");
		}
		return new Pipe(read.getValue(), write.getValue());
	}

	static void inheritable(HANDLE handle, boolean inheritable) throws IOException {
		if (!kernel32().SetHandleInformation(handle, WinBase.HANDLE_FLAG_INHERIT,
				inheritable ? WinBase.HANDLE_FLAG_INHERIT : 0)) {
			throw error("cannot change whether a handle is inherited");
		}
	}

	/**
	 * Opens a file or device, shared with every other process (which may write to it,
	 * rename or remove it), not inheritable until {@link #start} makes it so.
	 */
	static HANDLE openFile(Path path, int access, int disposition) throws IOException {
		HANDLE handle = kernel32().CreateFile(path.toString(), access,
				WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, null, disposition,
				WinNT.FILE_ATTRIBUTE_NORMAL, null);
		if (handle == null || WinBase.INVALID_HANDLE_VALUE.equals(handle)) {
			throw error("cannot open " + path);
		}
		return handle;
	}

	/**
	 * Returns a handle's value, which a child that inherits it sees unchanged.
	 */
	static long value(HANDLE handle) {
		return Pointer.nativeValue(handle.getPointer());
	}

	/**
	 * Returns the handle with a value that this process inherited.
	 */
	static HANDLE handle(long value) {
		return new HANDLE(new Pointer(value));
	}

	static void close(@Nullable HANDLE handle) {
		if (handle != null && !WinBase.INVALID_HANDLE_VALUE.equals(handle)) {
			kernel32().CloseHandle(handle);
		}
	}

	/**
	 * Starts a process whose standard handles are the given ones and which inherits no
	 * other handle of this process than those and the extra ones. If the job this process
	 * runs in refuses to let the child break away from it, starts it inside the job
	 * instead.
	 * @param commandLine the whole command line, program first
	 * @param directory the child's working directory
	 * @param flags creation flags
	 * @param stdio standard input, output and error for the child; made inheritable for
	 * the moment of creation
	 * @param extra more handles for the child to inherit, at the same values
	 * @return the started process
	 */
	static Started start(String commandLine, String directory, int flags, HANDLE[] stdio, HANDLE... extra)
			throws IOException {
		Set<HANDLE> inherited = new LinkedHashSet<>(List.of(stdio));
		inherited.addAll(List.of(extra));
		for (HANDLE handle : inherited) {
			inheritable(handle, true);
		}
		try {
			try {
				return create(commandLine, directory, flags, stdio, new ArrayList<>(inherited));
			}
			catch (Win32Exception ex) {
				if (ex.code != WinError.ERROR_ACCESS_DENIED || (flags & WinBase.CREATE_BREAKAWAY_FROM_JOB) == 0) {
					throw ex;
				}
				// The job does not allow breaking away: the child stays in it.
				return create(commandLine, directory, flags & ~WinBase.CREATE_BREAKAWAY_FROM_JOB, stdio,
						new ArrayList<>(inherited));
			}
		}
		finally {
			for (HANDLE handle : inherited) {
				try {
					inheritable(handle, false);
				}
				catch (IOException ex) {
					// Only keeps later children from inheriting it; nothing to undo.
				}
			}
		}
	}

	private static Started create(String commandLine, String directory, int flags, HANDLE[] stdio,
			List<HANDLE> inherited) throws IOException {
		WindowsApi api = WindowsApi.get();
		ULONG_PTRByReference size = new ULONG_PTRByReference();
		// The first call only reports the size the list needs.
		api.InitializeProcThreadAttributeList(null, 1, 0, size);
		Memory attributeList = new Memory(Math.max(size.getValue().longValue(), 64));
		if (!api.InitializeProcThreadAttributeList(attributeList, 1, 0, size)) {
			throw error("cannot prepare the handles the daemon inherits");
		}
		Memory handles = new Memory((long) Native.POINTER_SIZE * inherited.size());
		try {
			for (int i = 0; i < inherited.size(); i++) {
				handles.setPointer((long) Native.POINTER_SIZE * i, inherited.get(i).getPointer());
			}
			if (!api.UpdateProcThreadAttribute(attributeList, 0,
					new SIZE_T(WindowsApi.PROC_THREAD_ATTRIBUTE_HANDLE_LIST), handles, new SIZE_T(handles.size()), null,
					null)) {
				throw error("cannot limit the handles the daemon inherits");
			}
			WindowsApi.StartupInfoEx startup = new WindowsApi.StartupInfoEx();
			startup.StartupInfo.dwFlags = WinBase.STARTF_USESTDHANDLES;
			startup.StartupInfo.hStdInput = stdio[0];
			startup.StartupInfo.hStdOutput = stdio[1];
			startup.StartupInfo.hStdError = stdio[2];
			startup.lpAttributeList = attributeList;
			startup.StartupInfo.cb = new DWORD(startup.size());
			WinBase.PROCESS_INFORMATION process = new WinBase.PROCESS_INFORMATION();
			char[] line = Native.toCharArray(commandLine);
			if (!api.CreateProcessW(null, line, null, null, true,
					flags | WindowsApi.EXTENDED_STARTUPINFO_PRESENT | WinBase.CREATE_UNICODE_ENVIRONMENT, null,
					new WString(directory), startup, process)) {
				throw error("cannot start " + commandLine);
			}
			close(process.hThread);
			return new Started(process.dwProcessId.longValue(), process.hProcess);
		}
		finally {
			api.DeleteProcThreadAttributeList(attributeList);
			// The attribute list points into this memory without JNA knowing: it must
			// not be freed by a collection before the list is deleted.
			Reference.reachabilityFence(handles);
		}
	}

	static Win32Exception error(String what) {
		int code = Native.getLastError();
		return new Win32Exception(what + ": " + describe(code), code);
	}

	/**
	 * Both ends of an anonymous pipe.
	 */
	record Pipe(HANDLE read, HANDLE write) {
	}

	/**
	 * A process that was started.
	 *
	 * @param pid its PID
	 * @param handle a handle to it, which the caller closes
	 */
	record Started(long pid, HANDLE handle) {
	}

	/**
	 * A failed call, with its Windows error code.
	 */
	static final class Win32Exception extends IOException {

		private static final long serialVersionUID = 1L;

		final int code;

		Win32Exception(String message, int code) {
			super(message);
			this.code = code;
		}

	}

	static String describe(int code) {
		String text;
		try {
			text = com.sun.jna.platform.win32.Kernel32Util.formatMessage(code).trim();
		}
		catch (RuntimeException ex) {
			text = "";
		}
		return (text.isEmpty() ? "" : text + " ") + "(error " + code + ")";
	}

}
