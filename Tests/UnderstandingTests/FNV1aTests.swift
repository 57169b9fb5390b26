import Testing

@testable import Understanding

/// The one FNV-1a: the published 64-bit test vectors, so every table and file name built on it keeps its values.
@Suite struct FNV1aTests {
    @Test(
        arguments: [("", 0xCBF2_9CE4_8422_2325), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)]
            as [(String, UInt64)])
    func publishedVectors(_ text: String, _ expected: UInt64) {
        #expect(FNV1a.hash(text.utf8) == expected)
        #expect(text.utf8.reduce(FNV1a.basis) { FNV1a.adding(UInt64($1), to: $0) } == expected)
    }

    /// Over scalars each value is mixed in whole, as over bytes when every scalar is ASCII.
    @Test func scalarsAndBytesAgreeOnASCII() {
        let word = "appointment"
        #expect(FNV1a.hash(word.unicodeScalars.map(\.value)) == FNV1a.hash(word.utf8))
    }
}
