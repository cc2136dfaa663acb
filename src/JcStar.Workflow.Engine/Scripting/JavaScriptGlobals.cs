using System.Collections.Frozen;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>
/// The names a fresh Jint engine defines on its global object (ECMAScript's standard built-ins as Jint implements them),
/// written out rather than read from an engine: an engine's first construction reads every system time zone with its
/// display name (Jint's default time zone provider), a second of CPU that validating a workflow at start need not pay.
/// A test compares this list with a fresh engine's globals, so a Jint upgrade that adds one fails it until it is added.
/// </summary>
public static class JavaScriptGlobals
{
    public static FrozenSet<string> Names { get; } = FrozenSet.ToFrozenSet(
    [
        "AggregateError", "Array", "ArrayBuffer", "AsyncDisposableStack", "AsyncIterator", "Atomics", "BigInt", "BigInt64Array",
        "BigUint64Array", "Boolean", "DataView", "Date", "DisposableStack", "Error", "EvalError", "FinalizationRegistry",
        "Float16Array", "Float32Array", "Float64Array", "Function", "Generator", "Infinity", "Int16Array", "Int32Array",
        "Int8Array", "Intl", "Iterator", "JSON", "Map", "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError",
        "ReferenceError", "Reflect", "RegExp", "Set", "ShadowRealm", "SharedArrayBuffer", "String", "SuppressedError",
        "Symbol", "SyntaxError", "Temporal", "TypeError", "TypedArray", "URIError", "Uint16Array", "Uint32Array",
        "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "decodeURI", "decodeURIComponent",
        "encodeURI", "encodeURIComponent", "escape", "eval", "globalThis", "isFinite", "isNaN", "parseFloat", "parseInt",
        "toString", "undefined", "unescape",
    ], StringComparer.Ordinal);
}
