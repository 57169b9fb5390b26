/// A read-only `[String: Int]` for looking up typed words: ASCII words are found by an `FNV1a` hash
/// of their bytes in an open-addressed table, which costs a fraction of `String` hashing. Gives
/// exactly what the dictionary gives: when a key is not ASCII, or the word looked up is not, the
/// dictionary itself answers (for ASCII text, `String` equality is byte equality).
///
/// The one table for a fixed vocabulary: built once from the words (or words and values) that define
/// it, and kept as the only copy, so no call site asks a `Set` of the same words. Word sets use
/// `init(words:)` and `contains`. Two byte-keyed tables stay apart because they are not fixed: the JSON
/// parser's `KeyIndex` grows while one object is read, its keys ranges of the input buffer (see there);
/// `IntTable` (Index.swift) is keyed by integers. The compiled dialogs keep no hash table on disk: their
/// strings are a list read in order (`CompiledDialogs`).
package struct WordTable: Sendable {
    private let dictionary: [String: Int]
    /// Whether every key is ASCII and every value fits the table (else only the dictionary is used).
    private let allASCII: Bool
    /// Per slot: the key's value, or -1 for an empty slot.
    private let values: [Int32]
    private let hashes: [UInt32]
    /// Per slot: where the key's bytes start in `bytes`, and how many.
    private let starts: [Int32]
    private let counts: [Int32]
    private let bytes: [UInt8]
    private let mask: Int

    package init(_ dictionary: [String: Int]) {
        self.dictionary = dictionary
        // The table marks empty slots with -1, so it takes values in 0...Int32.max; others use the dictionary.
        let allASCII =
            dictionary.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            && dictionary.values.allSatisfy { (0...Int(Int32.max)).contains($0) }
        self.allASCII = allASCII
        var size = 8
        while size < dictionary.count * 2 { size *= 2 }
        var values = [Int32](repeating: -1, count: allASCII ? size : 0)
        var hashes = [UInt32](repeating: 0, count: values.count)
        var starts = [Int32](repeating: 0, count: values.count)
        var counts = [Int32](repeating: 0, count: values.count)
        var bytes: [UInt8] = []
        if allASCII {
            // Any order of the keys gives the same answers; only which slot a key lands in differs.
            for key in dictionary.keys {
                let utf8 = Array(key.utf8)
                let hash = Self.hash(utf8)
                var slot = Int(hash) & (size - 1)
                while values[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                values[slot] = Int32(dictionary[key] ?? 0)
                hashes[slot] = hash
                starts[slot] = Int32(bytes.count)
                counts[slot] = Int32(utf8.count)
                bytes += utf8
            }
        }
        self.values = values
        self.hashes = hashes
        self.starts = starts
        self.counts = counts
        self.bytes = bytes
        mask = size - 1
    }

    /// A set of words: `contains` answers as `Set.contains` would.
    package init(words: some Sequence<String>) {
        self.init(Dictionary(words.map { ($0, 0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// This set of words and `more` (a larger vocabulary built on this one).
    package func adding(_ more: [String]) -> WordTable {
        WordTable(words: Array(dictionary.keys) + more)
    }

    /// Whether `word` is one of the keys.
    @inline(__always)
    package func contains(_ word: String) -> Bool { self[word] != nil }

    /// `FNV1a` of the bytes, its low 32 bits (what each slot keeps).
    @inline(__always)
    private static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
        UInt32(truncatingIfNeeded: FNV1a.hash(bytes))
    }

    /// `dictionary[word]`.
    package subscript(word: String) -> Int? {
        guard allASCII else { return dictionary[word] }
        var word = word
        let found = word.withUTF8 { typed -> Int?? in
            var h = FNV1a.basis
            var high: UInt8 = 0
            for b in typed {
                h = FNV1a.adding(UInt64(b), to: h)
                high |= b
            }
            // Not ASCII: the dictionary decides (canonical equivalence).
            if high >= 0x80 { return .none }
            return .some(lookup(typed, hash: UInt32(truncatingIfNeeded: h)))
        }
        if let found { return found }
        return dictionary[word]
    }

    private func lookup(_ typed: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        values.withUnsafeBufferPointer { values in
            bytes.withUnsafeBufferPointer { bytes in
                var slot = Int(hash) & mask
                while true {
                    let value = values[slot]
                    if value < 0 { return nil }
                    if hashes[slot] == hash, Int(counts[slot]) == typed.count {
                        let start = Int(starts[slot])
                        var same = true
                        for i in 0..<typed.count where bytes[start + i] != typed[i] {
                            same = false
                            break
                        }
                        if same { return Int(value) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
