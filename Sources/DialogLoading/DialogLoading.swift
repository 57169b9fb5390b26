// # DialogLoading
//
// Dialog files in, the core's `DialogGraph` out, with every problem reported at once.
//
// ```
// Loading/      files → JSON with a location for every key → raw dialogs → the linker (references,
//               conditions, templates, defaults) → the graph; language data, messages, sources
// Lint/         checks on the linked graph: reachability, dead ends, loops that ask nothing, slots read
//               before they are asked (definite assignment), readability
// Diagnostics/  Diagnostic (code, severity, location, pointer, message, hint) and the catalogue of codes
// Compiled/     the checked graph as bytes for a fast start: written after a full load, read back only
//               when every source file is byte for byte the same; a form whose nodes do not all decode
//               is refused, so the dialogs then load from JSON
// Platform.swift  the C library, for file access (the only engine target that has it)
// ```
//
// Depends on DialogCore and Understanding, never on DialogTools.
