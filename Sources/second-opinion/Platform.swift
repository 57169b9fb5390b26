// The platform, imported once for the whole target, so no other file carries an `#if canImport(…)` block:
// the C library (every file that calls `open`, `write`, `getenv`, `flock` … sees it through this
// re-export), and Foundation, its essentials alone where the toolchain has them (JSON coding, dates,
// `Data`; Linux ships FoundationEssentials without the rest).
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif

#if canImport(FoundationEssentials)
    @_exported import FoundationEssentials
#else
    @_exported import Foundation
#endif
