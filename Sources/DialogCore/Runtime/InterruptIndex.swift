import Understanding
/// All interrupt phrases of a graph in one index, so a turn checks them with a few hash lookups
/// instead of walking every phrase: each phrase's short words (which only an identical word can
/// match) are interned, a line marks the interned words it contains in a bitset once, and only the
/// phrases whose short words are all present get the positional, typo-tolerant check.
///
/// Urgent and other interrupts are kept in separate lists (each in priority order). Words, of the
/// phrases and of the line, are plain shapes (length, letter set, typo allowance) over one flat
/// array of scalars, so the positional check copies and retains nothing; it accepts exactly what
/// `PhraseMatcher.accepts` accepts.
///
/// A class (immutable): a turn reads it through its engine's box, and a reference is retained once
/// where a struct of many arrays would be copied, each array retained and released.
final class InterruptIndex: Sendable {
    /// A word as numbers: its scalars are `scalars[start..<start + count]` of the array it came with.
    struct Shape: Sendable {
        var start: Int
        var count: Int
        /// Which characters occur, one bit per scalar value modulo 64 (as `TextNormalizer.Word.letters`).
        var letters: UInt64
        /// Edits forgiven (phrase words only).
        var limit: Int
        var isPrefix: Bool
    }

    struct Phrase: Sendable {
        /// Index into `DialogGraph.interrupts`.
        var interrupt: Int
        /// The phrase's words, as a range of `InterruptIndex.words`.
        var words: Range<Int>
        /// Interned ids of the words only an identical token accepts, as a range of `InterruptIndex.exact`.
        var exact: Range<Int>
        /// When the first word forgives typos or is a prefix: its index in `InterruptIndex.leads`, else -1.
        var lead: Int
    }

    private let vocabulary: WordTable
    private let words: [Shape]
    private let scalars: [UInt32]
    private let exact: [Int]
    private let urgent: [Phrase]
    private let other: [Phrase]
    private let bitsetWords: Int
    /// The distinct first words of urgent (and other) phrases that forgive typos or are prefixes ("lead"
    /// words), as shapes over `scalars`.
    private let urgentLeads: [Shape]
    private let otherLeads: [Shape]
    /// No lead word accepts a shorter token (a prefix needs its own length, a typo word its length less its limit).
    private let shortestLeadMatch: Int
    /// Per group (urgent, other): the phrases to try for a line, found from its words.
    private let urgentCandidates: Candidates
    private let otherCandidates: Candidates
    /// Per group, its lead words' letter sets by letter (nil for a group of more than 64 leads).
    private let urgentFilter: LeadFilter?
    private let otherFilter: LeadFilter?

    /// A group's lead words by letter, so the leads a token may match are found with a few bit
    /// operations per letter the token lacks instead of a test per lead (at most 64 leads: one bit each).
    ///
    /// A lead is kept for a token when the lead's letters missing from the token are no more than it
    /// forgives: none for a prefix word (or a word without typo allowance), one or two for typo words
    /// (`leadPositions`' test before `accepts`, for every lead at once).
    struct LeadFilter: Sendable {
        /// `containing[b]`: the leads whose letter set has bit `b`.
        private let containing: [UInt64]
        /// Every letter bit of some lead.
        private let letters: UInt64
        /// Leads that forgive no missing letter, one, and two.
        private let none: UInt64
        private let one: UInt64
        private let two: UInt64

        init?(_ leads: [Shape]) {
            guard leads.count <= 64 else { return nil }
            var containing = [UInt64](repeating: 0, count: 64)
            var letters: UInt64 = 0
            var none: UInt64 = 0
            var one: UInt64 = 0
            var two: UInt64 = 0
            for (id, lead) in leads.enumerated() {
                let bit: UInt64 = 1 << UInt64(id)
                letters |= lead.letters
                var rest = lead.letters
                while rest != 0 {
                    containing[rest.trailingZeroBitCount] |= bit
                    rest &= rest - 1
                }
                if lead.isPrefix || lead.limit == 0 {
                    none |= bit
                } else if lead.limit == 1 {
                    one |= bit
                } else {
                    two |= bit
                }
            }
            self.containing = containing
            self.letters = letters
            self.none = none
            self.one = one
            self.two = two
        }

        /// The leads (one bit each) missing no more of their letters from a token with `tokenLetters` than they forgive.
        @inline(__always)
        func candidates(_ tokenLetters: UInt64) -> UInt64 {
            var absent = letters & ~tokenLetters
            var once: UInt64 = 0
            var twice: UInt64 = 0
            var thrice: UInt64 = 0
            containing.withUnsafeBufferPointer { containing in
                while absent != 0 {
                    let m = containing[absent.trailingZeroBitCount]
                    absent &= absent &- 1
                    thrice |= twice & m
                    twice |= once & m
                    once |= m
                }
            }
            return (none & ~once) | (one & ~twice) | (two & ~thrice)
        }
    }

    /// Which phrases of a group a line can match: a phrase that opens with an exact word is listed under
    /// its first exact word ("anchor"), one that opens with a lead word under that lead. Lists are flat:
    /// `phrases[start[k]..<start[k + 1]]` for anchor `k` (a vocabulary id), then for lead `k` after them.
    struct Candidates: Sendable {
        var start: [Int]
        var phrases: [Int]
        var anchors: Int

        init(_ phrases: [Phrase], exact: [Int], anchors: Int, leads: Int) {
            var lists = [[Int]](repeating: [], count: anchors + leads)
            for (index, phrase) in phrases.enumerated() {
                if phrase.lead >= 0 {
                    lists[anchors + phrase.lead].append(index)
                } else if let first = phrase.exact.first {
                    lists[exact[first]].append(index)
                }
            }
            start = [0]
            self.phrases = []
            for list in lists {
                self.phrases += list
                start.append(self.phrases.count)
            }
            self.anchors = anchors
        }
    }

    convenience init(_ interrupts: [Interrupt]) {
        self.init(matchers: interrupts.map { ($0.matcher, $0.urgent) })
    }

    /// An index over any phrase matchers (`KeywordMap` rules): entry `i` is `matchers[i]`.
    init(matchers: [(matcher: PhraseMatcher, urgent: Bool)]) {
        var vocabulary: [String: Int] = [:]
        var words: [Shape] = []
        var scalars: [UInt32] = []
        var exact: [Int] = []
        var urgent: [Phrase] = []
        var other: [Phrase] = []
        var leads: [[Shape]] = [[], []]
        var leadIDs: [[String: Int]] = [[:], [:]]
        for (i, interrupt) in matchers.enumerated() {
            for phraseWords in interrupt.matcher.phrases {
                let wordStart = words.count
                let exactStart = exact.count
                for word in phraseWords {
                    let limit = PhraseMatcher.typoLimit(word)
                    words.append(
                        Shape(start: scalars.count, count: word.count, letters: word.letters, limit: limit, isPrefix: word.isPrefix))
                    scalars += word.scalars
                    guard !word.isPrefix, limit == 0 else { continue }
                    if let id = vocabulary[word.text] {
                        exact.append(id)
                    } else {
                        vocabulary[word.text] = vocabulary.count
                        exact.append(vocabulary.count - 1)
                    }
                }
                var lead = -1
                let group = interrupt.urgent ? 0 : 1
                if let first = phraseWords.first, first.isPrefix || PhraseMatcher.typoLimit(first) > 0 {
                    let key = first.isPrefix ? first.text + "*" : first.text
                    if let id = leadIDs[group][key] {
                        lead = id
                    } else {
                        lead = leads[group].count
                        leadIDs[group][key] = lead
                        leads[group].append(words[wordStart])
                    }
                }
                let phrase = Phrase(
                    interrupt: i, words: wordStart..<words.count, exact: exactStart..<exact.count, lead: lead)
                if interrupt.urgent { urgent.append(phrase) } else { other.append(phrase) }
            }
        }
        self.vocabulary = WordTable(vocabulary)
        self.words = words
        self.scalars = scalars
        self.exact = exact
        self.urgent = urgent
        self.other = other
        self.bitsetWords = max(1, (vocabulary.count + 63) / 64)
        self.urgentLeads = leads[0]
        self.otherLeads = leads[1]
        shortestLeadMatch = (leads[0] + leads[1]).map { $0.isPrefix ? $0.count : $0.count - $0.limit }.min() ?? 0
        urgentCandidates = Candidates(urgent, exact: exact, anchors: vocabulary.count, leads: leads[0].count)
        urgentFilter = LeadFilter(leads[0])
        otherFilter = LeadFilter(leads[1])
        otherCandidates = Candidates(other, exact: exact, anchors: vocabulary.count, leads: leads[1].count)
    }

    /// The first urgent (or, with `urgent` false, other) interrupt, in priority order, whose phrase the line holds.
    ///
    /// Only the phrases listed under the line's exact words and under the lead words it contains are
    /// tried, in priority order: any other phrase lacks its first word.
    func firstMatch(_ tokens: [String], urgent: Bool) -> Int? {
        matches(tokens, urgent: urgent, firstOnly: true).first
    }

    /// Every entry of the group (`urgent` or other) with a phrase the line holds, in entry order; with
    /// `firstOnly`, only the first of them.
    func matches(_ tokens: [String], urgent: Bool, firstOnly: Bool) -> [Int] {
        let phrases = urgent ? self.urgent : other
        guard !tokens.isEmpty, !phrases.isEmpty else { return [] }
        let leads = urgent ? urgentLeads : otherLeads
        // Scratch space on the stack (no heap allocation per line): the present-word bits and lead
        // positions (one bit per token, in blocks of 64), the line's word shapes and scalars (scalars
        // never outnumber UTF-8 bytes), and the candidate phrases (each phrase is listed once, so at
        // most all of them).
        let scalarCapacity = max(1, tokens.reduce(0) { $0 + $1.utf8.count })
        let blocks = (tokens.count + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bitsetWords + leads.count * blocks) { bits in
            withUnsafeTemporaryAllocation(of: Shape.self, capacity: tokens.count) { shapes in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scalarCapacity) { scalars in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: phrases.count) { candidates in
                        bits.initialize(repeating: 0)
                        let scratch = Scratch(
                            present: UnsafeMutableBufferPointer(rebasing: bits[..<bitsetWords]),
                            leadHits: UnsafeMutableBufferPointer(rebasing: bits[bitsetWords...]), blocks: blocks, shapes: shapes,
                            scalars: scalars, candidates: candidates)
                        return search(
                            tokens, phrases, leads, urgent ? urgentCandidates : otherCandidates, urgent ? urgentFilter : otherFilter,
                            firstOnly, scratch)
                    }
                }
            }
        }
    }

    /// Per-line working memory of `matches`.
    private struct Scratch {
        var present: UnsafeMutableBufferPointer<UInt64>
        /// Per lead word, the positions of the tokens it accepts: `blocks` words of 64 bits, lead after lead.
        var leadHits: UnsafeMutableBufferPointer<UInt64>
        var blocks: Int
        var shapes: UnsafeMutableBufferPointer<Shape>
        var scalars: UnsafeMutableBufferPointer<UInt32>
        var candidates: UnsafeMutableBufferPointer<Int>
    }

    private func search(
        _ tokens: [String], _ phrases: [Phrase], _ leads: [Shape], _ lookup: Candidates, _ filter: LeadFilter?,
        _ firstOnly: Bool, _ scratch: Scratch
    ) -> [Int] {
        let count = tokens.count
        let present = scratch.present
        var found = 0
        func add(_ list: Range<Int>) {
            for k in list {
                scratch.candidates[found] = lookup.phrases[k]
                found += 1
            }
        }
        for token in tokens {
            guard let id = vocabulary[token], present[id >> 6] & (1 << UInt64(id & 63)) == 0 else { continue }
            present[id >> 6] |= 1 << UInt64(id & 63)
            add(lookup.start[id]..<lookup.start[id + 1])
        }
        // The line's words as shapes, over its scalars.
        var used = 0
        for (i, token) in tokens.enumerated() {
            let start = used
            var letters: UInt64 = 0
            for s in token.unicodeScalars {
                scratch.scalars[used] = s.value
                used += 1
                letters |= 1 << UInt64(s.value % 64)
            }
            scratch.shapes[i] = Shape(start: start, count: used - start, letters: letters, limit: 0, isPrefix: false)
        }
        let shapes = UnsafeBufferPointer(scratch.shapes)
        let scalars = UnsafeBufferPointer(rebasing: scratch.scalars[..<used])
        let blocks = scratch.blocks
        if !leads.isEmpty {
            leadPositions(leads, filter, shapes, scalars, blocks: blocks, into: scratch.leadHits)
            for lead in leads.indices where scratch.leadHits[(lead * blocks)..<((lead + 1) * blocks)].contains(where: { $0 != 0 }) {
                let k = lookup.anchors + lead
                add(lookup.start[k]..<lookup.start[k + 1])
            }
        }
        guard found > 0 else { return [] }
        var candidates = UnsafeMutableBufferPointer(rebasing: scratch.candidates[..<found])
        candidates.sort()
        var result: [Int] = []
        search: for index in candidates {
            let phrase = phrases[index]
            // Phrases are grouped by entry, in entry order: an entry found needs no other phrase.
            if result.last == phrase.interrupt { continue }
            let length = phrase.words.count
            guard length <= count else { continue }
            for k in phrase.exact {
                let id = exact[k]
                if present[id >> 6] & (1 << UInt64(id & 63)) == 0 { continue search }
            }
            if phrase.lead >= 0 {
                let last = count - length  // the last start that leaves room for the phrase
                for block in 0..<blocks where block * 64 <= last {
                    let room = last - block * 64  // the last start in this block
                    var starts = scratch.leadHits[phrase.lead * blocks + block] & (room >= 63 ? ~0 : (1 << UInt64(room + 1)) - 1)
                    while starts != 0 {
                        let start = block * 64 + starts.trailingZeroBitCount
                        starts &= starts - 1
                        if matches(phrase, at: start, offset: 1, shapes, scalars) {
                            if firstOnly { return [phrase.interrupt] }
                            result.append(phrase.interrupt)
                            continue search
                        }
                    }
                }
                continue
            }
            for start in 0...(count - length) where matches(phrase, at: start, offset: 0, shapes, scalars) {
                if firstOnly { return [phrase.interrupt] }
                result.append(phrase.interrupt)
                continue search
            }
        }
        return result
    }

    /// Whether the phrase's words from `offset` on accept the line's tokens from `start + offset` on.
    private func matches(
        _ phrase: Phrase, at start: Int, offset: Int, _ shapes: UnsafeBufferPointer<Shape>, _ scalars: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        for k in offset..<phrase.words.count where !accepts(words[phrase.words.lowerBound + k], shapes[start + k], scalars) {
            return false
        }
        return true
    }

    /// For each lead word, the token positions it accepts (`blocks` words of bits per lead). Most pairs
    /// fail on the letter sets alone (a word with more letters missing from the token than it forgives
    /// cannot accept it), checked first.
    private func leadPositions(
        _ leads: [Shape], _ filter: LeadFilter?, _ shapes: UnsafeBufferPointer<Shape>, _ scalars: UnsafeBufferPointer<UInt32>,
        blocks: Int, into hits: UnsafeMutableBufferPointer<UInt64>
    ) {
        leads.withUnsafeBufferPointer { leads in
            if let filter {
                for (position, token) in shapes.enumerated() where token.count >= shortestLeadMatch {
                    let bit: UInt64 = 1 << UInt64(position & 63)
                    let block = position >> 6
                    var candidates = filter.candidates(token.letters)
                    while candidates != 0 {
                        let id = candidates.trailingZeroBitCount
                        candidates &= candidates &- 1
                        if accepts(leads[id], token, scalars) { hits[id * blocks + block] |= bit }
                    }
                }
                return
            }
            for (position, token) in shapes.enumerated() where token.count >= shortestLeadMatch {
                let bit: UInt64 = 1 << UInt64(position & 63)
                let block = position >> 6
                let absent = ~token.letters
                for id in leads.indices {
                    // Letters of the lead missing from the token: a prefix forgives none, a typo word its limit.
                    let missing = leads[id].letters & absent
                    if missing != 0 {
                        if leads[id].isPrefix || leads[id].limit == 0 { continue }
                        let rest = missing & (missing &- 1)
                        if rest != 0 && (leads[id].limit == 1 || rest & (rest &- 1) != 0) { continue }
                    }
                    if accepts(leads[id], token, scalars) { hits[id * blocks + block] |= bit }
                }
            }
        }
    }

    /// Whether phrase word `word` accepts typed `token` (scalars in `tokenScalars`): `PhraseMatcher.accepts`.
    @inline(__always)
    private func accepts(_ word: Shape, _ token: Shape, _ tokenScalars: UnsafeBufferPointer<UInt32>) -> Bool {
        if word.isPrefix {
            guard token.count >= word.count, word.letters & ~token.letters == 0 else { return false }
            return same(word, token, tokenScalars)
        }
        let limit = word.limit
        if abs(word.count - token.count) > limit { return false }
        if word.letters == token.letters, word.count == token.count, same(word, token, tokenScalars) { return true }
        guard limit > 0 else { return false }
        // Each character missing from the other word costs at least one edit.
        if !TextNormalizer.atMost(token.letters & ~word.letters, limit) || !TextNormalizer.atMost(word.letters & ~token.letters, limit) {
            return false
        }
        return scalars.withUnsafeBufferPointer { all in
            let a = UnsafeBufferPointer(rebasing: all[word.start..<(word.start + word.count)])
            let b = UnsafeBufferPointer(rebasing: tokenScalars[token.start..<(token.start + token.count)])
            return TextNormalizer.boundedDistance(a, b, limit: limit) != nil
        }
    }

    /// Whether the token starts with the word's scalars (equals it, when the lengths match).
    private func same(_ word: Shape, _ token: Shape, _ tokenScalars: UnsafeBufferPointer<UInt32>) -> Bool {
        for i in 0..<word.count where scalars[word.start + i] != tokenScalars[token.start + i] { return false }
        return true
    }
}

extension InterruptIndex {
    /// An index held by reference, so an engine can build it on first use (see `LazyReference`).
    final class Box: Sendable {
        let index: InterruptIndex

        init(_ index: InterruptIndex) { self.index = index }
    }
}
