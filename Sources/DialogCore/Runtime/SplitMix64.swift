/// A tiny seeded generator (SplitMix64). Its whole state is one `UInt64` kept in `EngineState`,
/// so a conversation with the same seed and inputs picks the same phrasing every time.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count` (count > 0).
    public mutating func pick(_ count: Int) -> Int { Int(next() % UInt64(count)) }
}
