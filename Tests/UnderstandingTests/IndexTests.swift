import Testing

@testable import Understanding

/// The flat tables behind the matcher answer as the plain collections they replace.
@Suite struct IndexTests {
    @Test func postingListsKeepEachKeysValuesInOrder() {
        let pairs: [(key: Int32, value: Int32)] = [(3, 30), (0, 1), (3, 31), (5, 50), (0, 2), (9, 99), (-1, 7)]
        let lists = PostingLists(count: 6, pairs: pairs)
        #expect(Array(lists[0]) == [1, 2])
        #expect(Array(lists[3]) == [30, 31])
        #expect(Array(lists[5]) == [50])
        #expect(lists[1].isEmpty && lists[4].isEmpty)
        #expect(lists[9].isEmpty && lists[-1].isEmpty)
    }

    @Test func bitSetHoldsWhatWasInserted() {
        var bits = BitSet(capacity: 130)
        for n: Int32 in [0, 63, 64, 129, 500, -3] { bits.insert(n) }
        #expect(bits.contains(0) && bits.contains(63) && bits.contains(64) && bits.contains(129))
        #expect(!bits.contains(1) && !bits.contains(500) && !bits.contains(-3) && !bits.contains(128))
    }

    @Test func anchorsNeedOneWordOfEveryPart() {
        let table = AnchorTable([
            [],
            [(words: [1, 2], prefixes: []), (words: [7], prefixes: [])],
            [(words: [], prefixes: [4])],
        ])
        var words = BitSet(capacity: 10)
        var prefixes = BitSet(capacity: 10)
        #expect(table.holds(0, words: words, prefixes: prefixes))
        words.insert(2)
        #expect(!table.holds(1, words: words, prefixes: prefixes))
        words.insert(7)
        #expect(table.holds(1, words: words, prefixes: prefixes))
        #expect(!table.holds(2, words: words, prefixes: prefixes))
        prefixes.insert(4)
        #expect(table.holds(2, words: words, prefixes: prefixes))
    }

    @Test func intTableAnswersAsADictionary() {
        var reference: [Int: (Int32, Int32)] = [:]
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let key = Int(state >> 20) & 0xFFFFF
            reference[key] = (Int32(key & 0xFFF), Int32(key >> 12))
        }
        let table = IntTable(reference)
        for key in 0..<0x2000 {
            let expected = reference[key]
            let found = table[key]
            #expect(found?.0 == expected?.0 && found?.1 == expected?.1)
        }
        for (key, value) in reference { #expect(table[key]?.0 == value.0 && table[key]?.1 == value.1) }
    }

    @Test func conceptMemoAnswersAsADictionary() {
        var memo = ConceptMemo()
        var reference: [Int: UInt64] = [:]
        for i in 0..<500 {
            let key = (i * 7919) % 3001
            memo.set(key, UInt64(i))
            reference[key] = UInt64(i)
        }
        for key in 0..<3001 { #expect(memo.value(key) == reference[key]) }
    }
}
