// The C library, imported once for the whole target (file access in `FileBytes`, `memcmp` in the
// compiled form), so no other file carries its own `#if canImport(Glibc)`. Re-exported, as Foundation
// re-exports it: a program that imports DialogEngine sees the same C library.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
