//! The `_io` module (CPython 3.11: `Modules/_io/`), the classes `io.py`
//! re-exports.
//!
//! The file objects `open()` returns are the VM's own stream classes
//! (`krait_vm::stdio`: `TextIOWrapper`, `BufferedReader`, `BufferedWriter`,
//! `BufferedRandom`, one Rust payload over a descriptor), exported here
//! under their names, with `open` itself and `UnsupportedOperation`. They
//! do not derive from `_IOBase`/`_TextIOBase`/`_BufferedIOBase` as
//! CPython's do; `io.py` registers them with its ABCs, so
//! `isinstance(sys.stdout, io.TextIOBase)` holds all the same.
//!
//! The rest — the abstract bases, `StringIO`, `BytesIO`, `FileIO` (over
//! `posix`'s descriptor calls), `BufferedRWPair`,
//! `IncrementalNewlineDecoder`, `open_code`, `text_encoding` — is Python
//! (`io.py` in this directory, compiled into the binary and run in the
//! module's namespace at import), the classes being plain Python classes
//! with `_io` as their module.

use krait_vm::error::PyResult;
use krait_vm::import::NativeModuleDef;
use krait_vm::object::Gc;
use krait_vm::stdio::{stream_types, unsupported_operation_type};
use krait_vm::types::module::PyModule;
use krait_vm::vm::Vm;

const SOURCE: &str = include_str!("io.py");

/// CPython's `DEFAULT_BUFFER_SIZE`.
const DEFAULT_BUFFER_SIZE: i64 = 8192;

pub static IO: NativeModuleDef = NativeModuleDef {
    name: "_io",
    doc: "The io module provides the Python interfaces to stream handling. The\n\
          builtin open function is defined in this module.\n",
    methods: &[],
    init: Some(io_init),
};

fn io_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let size = vm.new_int(DEFAULT_BUFFER_SIZE);
    module.set_attr(vm, "DEFAULT_BUFFER_SIZE", size);
    let blocking = vm.exceptions.blocking_io_error.value();
    module.set_attr(vm, "BlockingIOError", blocking);
    let Some(unsupported) = unsupported_operation_type(vm) else {
        return Err(vm.runtime_error("_io needs the standard streams"));
    };
    module.set_attr(vm, "UnsupportedOperation", unsupported.value());
    if let Some([text, reader, writer, random]) = stream_types(vm) {
        module.set_attr(vm, "TextIOWrapper", text.value());
        module.set_attr(vm, "BufferedReader", reader.value());
        module.set_attr(vm, "BufferedWriter", writer.value());
        module.set_attr(vm, "BufferedRandom", random.value());
    }
    let builtins = vm.builtins;
    let key = vm.intern("open").downcast::<krait_vm::types::str::PyStr>().expect("interned str");
    if let Some(open) = builtins.get_str(key) {
        module.set_attr(vm, "open", open);
    }
    krait_vm::compile::exec_source(vm, SOURCE, "<_io>", module.dict())
}
