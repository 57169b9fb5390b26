/// HMAC-SHA256 (RFC 2104 over FIPS 180-4), for sealing the compiled dialogs with a per-user secret
/// (`DialogCache`). Small and dependency-free: the chat links no crypto library for one keyed hash.
/// Checked against the RFC 4231 and FIPS 180-4 test vectors (`HMACSHA256Tests`).
struct HMACSHA256 {
    /// The keyed hash of `message` under `key`.
    static func authenticate(_ message: UnsafeRawBufferPointer, key: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finish())
        return outer.finish()
    }

    static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { authenticate($0, key: key) }
    }

    /// Compares two tags in time that does not depend on where they differ.
    static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
