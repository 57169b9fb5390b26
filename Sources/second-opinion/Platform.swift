// The C library, imported once for the whole target: every file that calls `open`, `write`, `getenv`,
// `flock` … sees it through this re-export, so no other file carries its own `#if canImport(Glibc)`.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
