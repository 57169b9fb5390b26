// The C library, imported once for the whole target and only here among the engine's targets (`open`,
// `read` and `mmap` in `FileBytes`, `memcmp` in the compiled form), so no other file carries its own
// `#if canImport(Glibc)`. Re-exported, as Foundation re-exports it: a program that imports DialogLoading
// sees the same C library. DialogCore has none: it reads no file and keeps no time.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
