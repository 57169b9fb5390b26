@testable import DialogCore
@testable import Understanding
import Testing

/// `WordTable` answers exactly as the dictionary it was made from.
@Suite struct WordTableTests {
    static let words = [
        "chest", "pain", "breathe", "can't", "suicide", "kill", "myself", "a", "", "longer-than-sixteen-bytes-word",
        "k", "K", "emergency", "911", "don't", "x y",
    ]

    static let probes =
        words + [
            "Chest", "ches", "chestt", "pai", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "pain ", " pain", "longer-than-sixteen-bytes-wor",
            "longer-than-sixteen-bytes-words", "9111", "dont", "x  y", "\u{0}", "\n",
        ]

    @Test func asciiKeysAgreeWithTheDictionary() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.words.enumerated().map { ($0.element, $0.offset * 7) })
        let table = WordTable(dictionary)
        for probe in Self.probes { #expect(table[probe] == dictionary[probe], "\(probe.debugDescription)") }
    }

    @Test func nonASCIIKeysAgreeWithTheDictionary() {
        let dictionary = Dictionary(uniqueKeysWithValues: (Self.words + ["caf\u{E9}", "\u{E9}t\u{E9}"]).enumerated().map { ($0.element, $0.offset) })
        let table = WordTable(dictionary)
        for probe in Self.probes { #expect(table[probe] == dictionary[probe], "\(probe.debugDescription)") }
        #expect(table["cafe\u{301}"] == dictionary["caf\u{E9}"])
    }

    @Test func manyKeys() {
        var rng = SplitMix64(seed: 9)
        var dictionary: [String: Int] = [:]
        let letters = Array("abcdefghijklmnopqrstuvwxyz'-0123456789")
        for i in 0..<2_000 {
            let word = String((0..<(1 + rng.pick(12))).map { _ in letters[rng.pick(letters.count)] })
            dictionary[word] = i
        }
        let table = WordTable(dictionary)
        for key in dictionary.keys { #expect(table[key] == dictionary[key]) }
        for _ in 0..<2_000 {
            let word = String((0..<(1 + rng.pick(12))).map { _ in letters[rng.pick(letters.count)] })
            #expect(table[word] == dictionary[word])
        }
        #expect(WordTable([:])["x"] == nil)
    }

    @Test func valuesOutsideTheTableRangeStillAgree() {
        let dictionary = ["last": -1, "first": 1, "huge": Int(Int32.max) + 1, "zero": 0]
        let table = WordTable(dictionary)
        for probe in Array(dictionary.keys) + ["lat", "firstt", ""] { #expect(table[probe] == dictionary[probe], "\(probe)") }
    }

    @Test func wordSetsAgreeWithTheSet() {
        let set = Set(Self.words + ["caf\u{E9}"])
        let table = WordTable(words: Self.words + ["caf\u{E9}", "pain"])
        let larger = table.adding(["extra", "chest"])
        for probe in Self.probes + ["extra"] {
            #expect(table.contains(probe) == set.contains(probe), "\(probe.debugDescription)")
            #expect(larger.contains(probe) == set.union(["extra"]).contains(probe), "\(probe.debugDescription)")
        }
    }
}
