/// FNV-1a (64-bit), the one hash for fixed keys: typed words, the lexicon's deletions, JSON keys, a
/// cache file's name. Unlike `Hasher`, which is seeded per process, it gives the same value in every run,
/// so a value may name a file; it is cheap over short keys.
package enum FNV1a {
    /// The hash of nothing (FNV's offset basis).
    package static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// FNV's 64-bit prime.
    package static let prime: UInt64 = 0x100_0000_01B3

    /// `hash` with one more value mixed in: a byte, or a whole scalar.
    @inlinable @inline(__always)
    package static func adding(_ value: UInt64, to hash: UInt64) -> UInt64 { (hash ^ value) &* prime }

    /// The hash of a run of bytes or scalars, each mixed in whole.
    @inlinable
    package static func hash<Values: Sequence>(_ values: Values) -> UInt64
    where Values.Element: FixedWidthInteger & UnsignedInteger {
        var h = basis
        for v in values { h = adding(UInt64(v), to: h) }
        return h
    }
}
