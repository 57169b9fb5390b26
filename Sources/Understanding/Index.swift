// The flat tables the matcher looks things up in, built once per `Language` from its compiled rules:
// numbers by a key number, and the anchors a rule or concept needs in a line. Plain arrays of integers,
// so a look-up is an index and a slice, never a hash or a retain.

/// A set of small non-negative numbers (word, prefix or rule numbers) as bits.
struct BitSet: Sendable {
    private(set) var bits: [UInt64]

    init(capacity: Int) {
        bits = [UInt64](repeating: 0, count: (max(capacity, 0) + 63) >> 6)
    }

    @inline(__always)
    func contains(_ n: Int32) -> Bool {
        let i = Int(n)
        guard i >= 0, i >> 6 < bits.count else { return false }
        return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ n: Int32) {
        let i = Int(n)
        guard i >= 0, i >> 6 < bits.count else { return }
        bits[i >> 6] |= 1 << UInt64(i & 63)
    }
}

/// Lists of numbers by a key number, in one array: the list of key `k` is
/// `values[offsets[k]..<offsets[k + 1]]`.
struct PostingLists: Sendable {
    private let offsets: [Int32]
    private let values: [Int32]

    /// Lists for keys `0..<count` from (key, value) pairs; a key's values keep the pairs' order.
    init(count: Int, pairs: [(key: Int32, value: Int32)]) {
        var sizes = [Int32](repeating: 0, count: count + 1)
        for pair in pairs where pair.key >= 0 && Int(pair.key) < count { sizes[Int(pair.key) + 1] += 1 }
        for k in 0..<count { sizes[k + 1] += sizes[k] }
        var next = sizes
        var values = [Int32](repeating: 0, count: Int(sizes[count]))
        for pair in pairs where pair.key >= 0 && Int(pair.key) < count {
            values[Int(next[Int(pair.key)])] = pair.value
            next[Int(pair.key)] += 1
        }
        offsets = sizes
        self.values = values
    }

    /// The list of key `k` (empty for a key out of range).
    @inline(__always)
    subscript(_ k: Int32) -> ArraySlice<Int32> {
        let i = Int(k)
        guard i >= 0, i + 1 < offsets.count else { return [] }
        return values[Int(offsets[i])..<Int(offsets[i + 1])]
    }
}

/// What a rule or concept needs in a line before it is worth matching: for each of its required parts,
/// one of the part's words or prefixes must occur somewhere in the line. Built from the same compiled
/// elements the matcher runs (`Language.requiredParts`), so it never turns away a line the rule matches.
struct AnchorTable: Sendable {
    /// Item `i`'s parts are `partStarts[i]..<partStarts[i + 1]`; part `j`'s words are
    /// `words[wordStarts[j]..<wordStarts[j + 1]]`, and its prefixes likewise.
    private let partStarts: [Int32]
    private let wordStarts: [Int32]
    private let prefixStarts: [Int32]
    private let words: [Int32]
    private let prefixes: [Int32]

    /// One entry per item: its parts, each words and prefixes (no parts: every line may match it).
    init(_ items: [[(words: Set<Int32>, prefixes: Set<Int32>)]]) {
        var partStarts: [Int32] = [0]
        var wordStarts: [Int32] = [0]
        var prefixStarts: [Int32] = [0]
        var words: [Int32] = []
        var prefixes: [Int32] = []
        for parts in items {
            // Smallest parts first: the cheapest to test, and usually the rarest words.
            for part in parts.sorted(by: { $0.words.count + $0.prefixes.count < $1.words.count + $1.prefixes.count }) {
                words.append(contentsOf: part.words.sorted())
                prefixes.append(contentsOf: part.prefixes.sorted())
                wordStarts.append(Int32(words.count))
                prefixStarts.append(Int32(prefixes.count))
            }
            partStarts.append(Int32(wordStarts.count - 1))
        }
        self.partStarts = partStarts
        self.wordStarts = wordStarts
        self.prefixStarts = prefixStarts
        self.words = words
        self.prefixes = prefixes
    }

    /// Whether every part of item `i` has a word or prefix among the line's.
    @inline(__always)
    func holds(_ i: Int, words lineWords: BitSet, prefixes linePrefixes: BitSet) -> Bool {
        // Read through buffer pointers: a part can list many words, each tested in the line's bits, and
        // the numbers here were checked when the table was built (`BitSet.contains` checks each again).
        lineWords.bits.withUnsafeBufferPointer { lineWords in
            linePrefixes.bits.withUnsafeBufferPointer { linePrefixes in
                words.withUnsafeBufferPointer { words in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        var j = Int(partStarts[i])
                        let end = Int(partStarts[i + 1])
                        while j < end {
                            guard Self.any(words, from: Int(wordStarts[j]), to: Int(wordStarts[j + 1]), in: lineWords)
                                || Self.any(prefixes, from: Int(prefixStarts[j]), to: Int(prefixStarts[j + 1]), in: linePrefixes)
                            else { return false }
                            j += 1
                        }
                        return true
                    }
                }
            }
        }
    }

    /// Whether any of `numbers[from..<to]` is in `bits` (one part's words, or its prefixes).
    @inline(__always)
    private static func any(_ numbers: UnsafeBufferPointer<Int32>, from: Int, to: Int, in bits: UnsafeBufferPointer<UInt64>) -> Bool {
        var k = from
        while k < to {
            if contains(bits, numbers[k]) { return true }
            k += 1
        }
        return false
    }

    /// `BitSet.contains` on its bits: a number out of range (or negative) is not in the set.
    @inline(__always)
    private static func contains(_ bits: UnsafeBufferPointer<UInt64>, _ n: Int32) -> Bool {
        let i = Int(UInt32(bitPattern: n))
        return i >> 6 < bits.count && bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}

/// Where each concept ends from each word, remembered while one line is matched: an open-addressing
/// table of non-negative integer keys, so a look-up is a multiply and a probe, not a `Hasher`. Keys and
/// values share one array, so the table allocates once each time it grows.
struct ConceptMemo {
    private struct Entry {
        var key: Int
        var value: UInt64
    }

    private var entries: [Entry] = []
    private var count = 0

    func value(_ key: Int) -> UInt64? {
        guard !entries.isEmpty else { return nil }
        let mask = entries.count - 1
        var i = Self.slot(key, mask)
        while true {
            let k = entries[i].key
            if k == key { return entries[i].value }
            if k < 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: Int, _ value: UInt64) {
        if (count + 1) * 2 > entries.count { grow() }
        let mask = entries.count - 1
        var i = Self.slot(key, mask)
        while entries[i].key >= 0 && entries[i].key != key { i = (i + 1) & mask }
        if entries[i].key < 0 { count += 1 }
        entries[i] = Entry(key: key, value: value)
    }

    @inline(__always)
    private static func slot(_ key: Int, _ mask: Int) -> Int { IntTable.slot(key, mask) }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: -1, value: 0), count: max(64, entries.count * 2))
        count = 0
        for entry in old where entry.key >= 0 { set(entry.key, entry.value) }
    }
}

/// A read-only map from non-negative integer keys to a pair of `Int32`s: open addressing with a
/// multiplicative hash, so a look-up is a multiply and a probe or two, not a `Hasher`.
struct IntTable: Sendable {
    private let keys: [Int]
    private let values: [(Int32, Int32)]
    private let mask: Int

    init(_ entries: [Int: (Int32, Int32)]) {
        var size = 8
        while size < entries.count * 2 { size *= 2 }
        var keys = [Int](repeating: -1, count: size)
        var values = [(Int32, Int32)](repeating: (0, 0), count: size)
        for (key, value) in entries where key >= 0 {
            var slot = Self.slot(key, size - 1)
            while keys[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    /// Where `key` is looked for first in a table of `mask + 1` slots (a power of two): the high half of a
    /// Fibonacci-hashing multiply. `ConceptMemo` probes with it too.
    @inline(__always)
    static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    subscript(_ key: Int) -> (Int32, Int32)? {
        var slot = Self.slot(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k < 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// The phrases of each concept by a word or prefix they can start with, so matching a concept at a word
/// runs only the phrases that can start there (a concept of 200 phrases starts with a handful at any
/// one word). Built from `Language.starts`, the same analysis as the rule indexes.
struct PhraseStarts: Sendable {
    /// (concept, word or prefix) → a range of `phrases` (the phrases that need that word to start),
    /// present for every word or prefix some phrase of the concept can start with.
    private let ranges: IntTable
    private let phrases: [Int32]
    /// Per concept, the phrases that may start at any word (a leading gap, or nothing they need).
    private let anywhere: [[Int32]]

    init(concepts: [[Language.Compiled]]) {
        var lists: [Int: [Int32]] = [:]
        var anywhere: [[Int32]] = []
        for (c, phrases) in concepts.enumerated() {
            var any: [Int32] = []
            for (k, phrase) in phrases.enumerated() {
                var seen = Set<Int32>()
                let always = Language.startsAnywhere(phrase.elements, concepts: concepts, seen: &seen)
                if always { any.append(Int32(k)) }
                seen = []
                let starts = Language.starts(phrase.elements, concepts: concepts, seen: &seen)
                // A phrase that may start anywhere is run at every word; its words still say where the
                // concept can start (`canStart`).
                for w in starts.words { lists[Self.key(c, word: w), default: []].append(contentsOf: always ? [] : [Int32(k)]) }
                for p in starts.prefixes { lists[Self.key(c, prefix: p), default: []].append(contentsOf: always ? [] : [Int32(k)]) }
            }
            anywhere.append(any)
        }
        var ranges: [Int: (Int32, Int32)] = [:]
        var flat: [Int32] = []
        for key in lists.keys.sorted() {
            let start = flat.count
            flat.append(contentsOf: lists[key] ?? [])
            ranges[key] = (Int32(start), Int32(flat.count))
        }
        self.ranges = IntTable(ranges)
        phrases = flat
        self.anywhere = anywhere
    }

    @inline(__always) static func key(_ c: Int, word: Int32) -> Int { c << 32 | Int(word) << 1 }
    @inline(__always) static func key(_ c: Int, prefix: Int32) -> Int { c << 32 | Int(prefix) << 1 | 1 }

    /// The phrases of concept `c` that may start at any word.
    func anywhere(_ c: Int) -> [Int32] { anywhere[c] }

    /// The phrases of concept `c` that need a word (or prefix) of this key to start.
    @inline(__always)
    func phrases(_ key: Int) -> ArraySlice<Int32> {
        guard let (lo, hi) = ranges[key] else { return [] }
        return phrases[Int(lo)..<Int(hi)]
    }

    /// Whether some phrase of concept `c` starts with this word or one of these prefixes (the same as
    /// `Language.starts` of the concept).
    @inline(__always)
    func canStart(_ c: Int, word: Int32, prefixes: [Int32]) -> Bool {
        if word >= 0, ranges[Self.key(c, word: word)] != nil { return true }
        for p in prefixes where ranges[Self.key(c, prefix: p)] != nil { return true }
        return false
    }
}
