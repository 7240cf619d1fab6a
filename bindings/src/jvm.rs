//! Whether the calling thread is a JVM thread whose interrupt flag is set.
//!
//! A blocking call (`BootpayBlocking`, `IamportBlocking`) parks a Java thread inside native code, where
//! `Thread.interrupt()` cannot reach it. [`interrupted`] lets that wait look at the flag itself: when the
//! library is loaded into a JVM (found through `JNI_GetCreatedJavaVMs`, which libjvm exports to the
//! process), it calls `Thread.currentThread().isInterrupted()` on the calling thread. `isInterrupted`
//! reads the flag without clearing it, so the caller still sees it set, as Java's convention for code that
//! reports an interrupt by another exception asks (compare `ClosedByInterruptException`).
//!
//! Outside a JVM (Swift, Rust, a thread the JVM does not know) it answers `false` and costs one lookup.
//! Every step that can fail leaves the answer `false`: this can delay an interrupt, never invent one.
//!
//! [`attach_runtime_thread`] is the other use: the runtime's worker threads wake Kotlin coroutines by
//! calling a JNA callback, and JNA attaches a native thread to the JVM for each callback and detaches it
//! afterwards unless it was attached already. Attaching a thread creates a `java.lang.Thread` and costs
//! far more than the call it wakes, so each worker attaches once, as a daemon, when it starts.

use jni_sys::{
    jclass, jmethodID, jsize, JNIEnv, JavaVM, JavaVMAttachArgs, JNI_OK, JNI_VERSION_1_8,
};
use std::ffi::{c_void, CStr};
use std::ptr;
use std::sync::OnceLock;

/// What the probe needs, resolved once: the VM, a global reference to `java.lang.Thread` and the two
/// method ids. JNI documents all of them as valid on every thread for the life of the VM.
struct Jvm {
    vm: *mut JavaVM,
    thread_class: jclass,
    current_thread: jmethodID,
    is_interrupted: jmethodID,
}

// SAFETY: a `JavaVM*`, a global reference and method ids may be used from any attached thread (JNI spec,
// "Global and Local References" and "Accessing Fields and Methods").
unsafe impl Send for Jvm {}
// SAFETY: as above; the values are never written after they are resolved.
unsafe impl Sync for Jvm {}

static JVM: OnceLock<Option<Jvm>> = OnceLock::new();

type GetCreatedJavaVms = unsafe extern "system" fn(*mut *mut JavaVM, jsize, *mut jsize) -> i32;

/// The JNI environment of the calling thread, if the process hosts a JVM and this thread is attached.
unsafe fn env_of(vm: *mut JavaVM) -> Option<*mut JNIEnv> {
    let mut env: *mut c_void = ptr::null_mut();
    let status = ((**vm).v1_2.GetEnv)(vm, &mut env, JNI_VERSION_1_8);
    (status == JNI_OK && !env.is_null()).then_some(env.cast())
}

/// Clears a pending Java exception; answers whether there was one.
unsafe fn cleared(env: *mut JNIEnv) -> bool {
    if ((**env).v1_2.ExceptionCheck)(env) {
        ((**env).v1_1.ExceptionClear)(env);
        true
    } else {
        false
    }
}

/// The JVM hosting this process, if libjvm is loaded and has created one.
unsafe fn created_vm() -> Option<*mut JavaVM> {
    let symbol = libc::dlsym(libc::RTLD_DEFAULT, c"JNI_GetCreatedJavaVMs".as_ptr());
    if symbol.is_null() {
        return None;
    }
    // SAFETY: the symbol is libjvm's `JNI_GetCreatedJavaVMs`, whose signature this is.
    let get_vms: GetCreatedJavaVms = std::mem::transmute::<*mut c_void, GetCreatedJavaVms>(symbol);
    let mut vm: *mut JavaVM = ptr::null_mut();
    let mut count: jsize = 0;
    (get_vms(&mut vm, 1, &mut count) == JNI_OK && count >= 1 && !vm.is_null()).then_some(vm)
}

/// `Ok(None)`: no JVM in this process (final). `Err(())`: this thread cannot tell now (try again later).
unsafe fn resolve() -> Result<Option<Jvm>, ()> {
    let Some(vm) = created_vm() else {
        return Ok(None);
    };
    let env = env_of(vm).ok_or(())?;
    let method = |class: jclass, name: &CStr, sig: &CStr, is_static: bool| -> Option<jmethodID> {
        let id = if is_static {
            ((**env).v1_1.GetStaticMethodID)(env, class, name.as_ptr(), sig.as_ptr())
        } else {
            ((**env).v1_1.GetMethodID)(env, class, name.as_ptr(), sig.as_ptr())
        };
        (!cleared(env) && !id.is_null()).then_some(id)
    };
    let local = ((**env).v1_1.FindClass)(env, c"java/lang/Thread".as_ptr());
    if cleared(env) || local.is_null() {
        return Ok(None);
    }
    let current_thread = method(local, c"currentThread", c"()Ljava/lang/Thread;", true);
    let is_interrupted = method(local, c"isInterrupted", c"()Z", false);
    let thread_class = ((**env).v1_1.NewGlobalRef)(env, local);
    ((**env).v1_1.DeleteLocalRef)(env, local);
    Ok((|| {
        Some(Jvm {
            vm,
            thread_class: (!thread_class.is_null()).then_some(thread_class)?,
            current_thread: current_thread?,
            is_interrupted: is_interrupted?,
        })
    })())
}

/// The resolved JVM, resolving it on first use from a thread that can.
fn jvm() -> Option<&'static Jvm> {
    if let Some(known) = JVM.get() {
        return known.as_ref();
    }
    // SAFETY: see `resolve`; it only reads libjvm's exported tables.
    match unsafe { resolve() } {
        Ok(found) => JVM.get_or_init(|| found).as_ref(),
        Err(()) => None,
    }
}

/// Whether the calling thread is a Java thread with its interrupt flag set (the flag is left as it is).
pub(crate) fn interrupted() -> bool {
    // SAFETY: every JNI call below goes through the VM's own function tables with ids resolved for
    // `java.lang.Thread`; local references are deleted before returning and pending exceptions cleared.
    unsafe {
        let Some(jvm) = jvm() else {
            return false;
        };
        let Some(env) = env_of(jvm.vm) else {
            return false;
        };
        let thread = ((**env).v1_1.CallStaticObjectMethodA)(
            env,
            jvm.thread_class,
            jvm.current_thread,
            ptr::null(),
        );
        if cleared(env) || thread.is_null() {
            return false;
        }
        let flag = ((**env).v1_1.CallBooleanMethodA)(env, thread, jvm.is_interrupted, ptr::null());
        let failed = cleared(env);
        ((**env).v1_1.DeleteLocalRef)(env, thread);
        flag && !failed
    }
}

/// Attaches the calling thread (a worker of the bindings' runtime, see `runtime`) to the JVM hosting the
/// library, as a daemon named `paywire-ffi`, so JNA callbacks from it skip the attach/detach pair. No JVM
/// (Swift, Rust) or any failure: nothing happens and callbacks work as before, only slower.
pub(crate) fn attach_runtime_thread() {
    // SAFETY: `AttachCurrentThreadAsDaemon` (JNI 1.4) on the VM the process created; the name is copied
    // by the VM during the call and the env pointer it writes is not kept.
    unsafe {
        let Some(vm) = created_vm() else {
            return;
        };
        if env_of(vm).is_some() {
            return;
        }
        let mut args = JavaVMAttachArgs {
            version: JNI_VERSION_1_8,
            name: c"paywire-ffi".as_ptr().cast_mut(),
            group: ptr::null_mut(),
        };
        let mut env: *mut c_void = ptr::null_mut();
        let _ = ((**vm).v1_4.AttachCurrentThreadAsDaemon)(
            vm,
            &mut env,
            (&mut args as *mut JavaVMAttachArgs).cast(),
        );
    }
}

/// Detaches a worker attached by [`attach_runtime_thread`] when it stops (a thread must not end attached).
pub(crate) fn detach_runtime_thread() {
    // SAFETY: `DetachCurrentThread` on a thread with no Java frames on its stack (a runtime worker
    // that is stopping); on a thread that is not attached it does nothing.
    unsafe {
        if let Some(vm) = created_vm() {
            if env_of(vm).is_some() {
                let _ = ((**vm).v1_1.DetachCurrentThread)(vm);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn outside_a_jvm_nothing_is_interrupted() {
        assert!(!super::interrupted());
    }

    #[test]
    fn outside_a_jvm_attaching_is_a_no_op() {
        super::attach_runtime_thread();
        super::detach_runtime_thread();
        assert!(!super::interrupted());
    }
}
