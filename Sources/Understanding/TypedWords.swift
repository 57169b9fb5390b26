/// A free-text answer's words as typed, with the tokens each holds as the rules read them, for finding
/// phrases of a concept that start and end on whole typed words ("no wait," in "Kate - no wait, put
/// Catherine"), so the words around them can be kept as typed.
struct TypedWords {
    let words: [Substring]
    let ids: [Int32]
    let prefixes: [[Int32]]
    /// Whether each token was read as a typo of a known word.
    let typo: [Bool]
    /// The typed word each token belongs to.
    let owner: [Int]
    /// Each typed word's first token (and `ids.count` after the last word).
    let firstToken: [Int]
    /// One matcher for every look-up in the words (its bit sets are built once, its matches remembered).
    private var matcher: Matcher

    /// The words read with the language; a word that `known` also holds (words taken from it in order,
    /// from about its word `start` on) is copied from it, not read again (a word's tokens and their
    /// readings depend on the word alone, so they are the same).
    init(_ words: [Substring], language: Language, reusing known: TypedWords? = nil, from start: Int = 0) {
        self.words = words
        var ids: [Int32] = []
        var prefixes: [[Int32]] = []
        var typo: [Bool] = []
        var owner: [Int] = []
        var firstToken: [Int] = []
        // A word said again is read once (a long line repeats many of its words; a short one is read
        // word by word without the look-up).
        let remember = words.count > 8
        var read: [Substring: (first: Int, end: Int)] = [:]
        // Where the next word is looked for in `known`: words taken from a line (a value cut out of it)
        // follow each other there, so most are found at once.
        var cursor: Int?
        for (w, word) in words.enumerated() {
            firstToken.append(ids.count)
            if let known, let k = known.position(of: word, from: start, near: &cursor) {
                for i in known.firstToken[k]..<known.firstToken[k + 1] {
                    ids.append(known.ids[i])
                    prefixes.append(known.prefixes[i])
                    typo.append(known.typo[i])
                    owner.append(w)
                }
                continue
            }
            if remember, let (first, end) = read[word] {
                for i in first..<end {
                    ids.append(ids[i])
                    prefixes.append(prefixes[i])
                    typo.append(typo[i])
                    owner.append(w)
                }
                continue
            }
            let first = ids.count
            for token in TextNormalizer.tokens(String(word)) {
                let (base, how) = Lexicon.isDigits(token) ? (token, Lexicon.Reading.asTyped) : language.base(of: token)
                ids.append(language.wordIDs[base] ?? -1)
                prefixes.append(language.prefixHits(base))
                if case .typo = how { typo.append(true) } else { typo.append(false) }
                owner.append(w)
            }
            if remember { read[word] = (first, ids.count) }
        }
        firstToken.append(ids.count)
        self.ids = ids
        self.prefixes = prefixes
        self.typo = typo
        self.owner = owner
        self.firstToken = firstToken
        matcher = Matcher(language: language, ids: ids, prefixes: prefixes)
    }

    /// Where typed word `word` is, for words taken in order from this line from word `start` on: the
    /// first is looked for among the few words from `start` (a value starts there or after a short
    /// lead-in), each next one only at `cursor`, the word after the one before (a word that is not there,
    /// such as an edge trimmed of its punctuation, is read afresh, and the next one is looked for one word
    /// on). `cursor` then points after it.
    private func position(of word: Substring, from start: Int, near cursor: inout Int?) -> Int? {
        guard let at = cursor else {
            let window = words[min(start, words.count)..<min(start + 16, words.count)]
            let k = window.firstIndex(of: word)
            cursor = (k ?? start - 1) + 1
            return k
        }
        cursor = at + 1
        return at < words.count && words[at] == word ? at : nil
    }

    /// Where a phrase of concept `c` starting at typed word `w` ends, as the typed word after it, when
    /// it ends on a whole word; nil otherwise.
    mutating func end(of c: Int, atWord w: Int, _ language: Language) -> Int? {
        guard w < words.count, firstToken[w] < ids.count else { return nil }
        guard let end = language.concept(c, at: firstToken[w], &matcher) else { return nil }
        let after = end < ids.count ? owner[end] : words.count
        return firstToken[after] == end ? after : nil
    }

    /// Where a phrase of concept `c` starting at token `i` ends (a token index), or nil.
    mutating func end(of c: Int, atToken i: Int, _ language: Language) -> Int? {
        language.concept(c, at: i, &matcher)
    }

    /// Every phrase of concept `c` that starts and ends on whole typed words, left to right, none
    /// overlapping the one before, as ranges of typed words.
    mutating func occurrences(of c: Int, _ language: Language) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var w = 0
        while w < words.count {
            if let end = self.end(of: c, atWord: w, language), end > w {
                found.append(w..<end)
                w = end
            } else {
                w += 1
            }
        }
        return found
    }

    /// Whether a phrase of concept `c` occurs anywhere (on token boundaries).
    mutating func occurs(_ c: Int, _ language: Language) -> Bool {
        language.conceptOccurs(c, &matcher)
    }

    /// The typed words from `w` on, as one line.
    func line(from w: Int) -> String { words[w...].joined(separator: " ") }
}

/// The words of a free-text answer, shared by the readings of its parts. A part after a sentence cut, a
/// correction, a label or an opening is the words from some word on, read as a line of its own would be
/// read; here it is read in the whole line's tokens and matches (a match only ever looks forward, and
/// reaches the line's end either way), with what each reading asks of "the words from `w` on" worked out
/// once for the line, so a line of many sentences is read in time linear in its length, not once more for
/// each sentence. With `shared` false every part is read as a line of its own (the plain path, which
/// `FreeTextFastPathTests` compares with this one).
final class TextLine {
    let shared: Bool
    var typed: TypedWords
    var words: [Substring] { typed.words }

    init(_ words: [Substring], language: Language, shared: Bool) {
        self.shared = shared
        typed = TypedWords(words, language: language)
    }

    /// Per concept, the last token a phrase of it starts at (-1: none).
    private var lastStarts: [Int: Int] = [:]
    /// Per concept, for each typed word `w`, the last phrase of `occurrences` read from `w` on that ends
    /// before the line's end (and whether a phrase starts at `w`, with its end).
    private var chains: [Int: (last: [Range<Int>?], endAt: [Int?])] = [:]
    /// Per concept, where a phrase starting at each token ends, and the last token one starts at.
    private var tokenEnds: [Int: (ends: [Int?], last: Int)] = [:]
    /// The last typed word that starts with a capital (-1: none).
    private lazy var lastCapital: Int = words.lastIndex(where: { $0.first?.isUppercase == true }) ?? -1
    /// The last typed word with a byte outside ASCII or a carriage return (-1: none).
    private lazy var lastNotPlain: Int = words.lastIndex(where: { $0.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) }) ?? -1
    /// The line in lower case, its words joined by spaces, and where each word starts in it.
    private lazy var lowered: (bytes: [UInt8], starts: [Int]) = {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for (w, word) in words.enumerated() {
            if w > 0 { bytes.append(0x20) }
            starts.append(bytes.count)
            bytes.append(contentsOf: word.lowercased().utf8)
        }
        return (bytes, starts)
    }()

    /// Whether a phrase of concept `c` occurs (on token boundaries) in the words from `w` on.
    func occurs(_ c: Int, from w: Int, _ language: Language) -> Bool {
        guard shared else {
            precondition(w == 0)
            return typed.occurs(c, language)
        }
        let last: Int
        if let known = lastStarts[c] {
            last = known
        } else {
            var found = -1
            for i in stride(from: typed.ids.count - 1, through: 0, by: -1) where typed.end(of: c, atToken: i, language) != nil {
                found = i
                break
            }
            lastStarts[c] = found
            last = found
        }
        return last >= typed.firstToken[w]
    }

    /// The last phrase of concept `c` in the words from `w` on (`TypedWords.occurrences` read from `w`)
    /// that neither starts at `w` nor ends at the line's end, as typed words of the line.
    func lastOccurrence(of c: Int, from w: Int, _ language: Language) -> Range<Int>? {
        let n = words.count
        guard shared else {
            precondition(w == 0)
            return typed.occurrences(of: c, language).last(where: { $0.lowerBound > 0 && $0.upperBound < n })
        }
        if chains[c] == nil {
            var last = [Range<Int>?](repeating: nil, count: n + 1)
            var endAt = [Int?](repeating: nil, count: n)
            for v in stride(from: n - 1, through: 0, by: -1) {
                if let end = typed.end(of: c, atWord: v, language), end > v {
                    endAt[v] = end
                    last[v] = last[end] ?? (end < n ? v..<end : nil)
                } else {
                    last[v] = last[v + 1]
                }
            }
            chains[c] = (last, endAt)
        }
        let chain = chains[c]!
        // A phrase at `w` itself does not count; the reading goes on after it.
        if let end = chain.endAt[w] { return chain.last[end] }
        return chain.last[w]
    }

    /// Whether a word from `w` on starts with a capital.
    func hasCapital(from w: Int) -> Bool {
        shared ? lastCapital >= w : words[w...].contains(where: { $0.first?.isUppercase == true })
    }

    /// `Language.mayRepeat` of the words from `w` on and `v`.
    func mayRepeat(from w: Int, _ v: String) -> Bool {
        guard shared, lastNotPlain < w else { return Language.mayRepeat(words[w...].joined(separator: " "), v) }
        // Plain ASCII from `w` on: one character is one byte, so a match of characters is one of bytes.
        let needle = Array(v.lowercased().utf8)
        guard !needle.isEmpty, !needle.contains(0x0D) else { return Language.mayRepeat(words[w...].joined(separator: " "), v) }
        let bytes = lowered.bytes
        let from = lowered.starts[w]
        guard bytes.count - from >= needle.count else { return false }
        let first = needle[0]
        var i = from
        let lastStart = bytes.count - needle.count
        while i <= lastStart {
            if bytes[i] == first {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the words from `w` on only say that the person does not know or will not say: phrases of
    /// `skip` (at least one), with at most two other words that name something, none of them written
    /// like a name.
    func onlySkips(_ skip: Int, from w: Int, _ language: Language) -> Bool {
        let t0 = typed.firstToken[w]
        let count = typed.ids.count
        guard shared else {
            // The plain path: the words' own tokens and matcher.
            precondition(w == 0)
            let ids = Array(typed.ids[t0...]), prefixes = Array(typed.prefixes[t0...])
            var matcher = Matcher(language: language, ids: ids, prefixes: prefixes)
            var covered = [Bool](repeating: false, count: ids.count)
            var any = false
            for start in ids.indices {
                if let end = language.concept(skip, at: start, &matcher) {
                    any = true
                    for i in start..<end { covered[i] = true }
                }
            }
            guard any else { return false }
            let rest = ids.indices.filter { !covered[$0] && (typed.typo[t0 + $0] || !language.isFiller(ids[$0], prefixes[$0])) }
            let named = rest.contains { i in typed.owner[t0 + i] > w && words[typed.owner[t0 + i]].first?.isUppercase == true }
            return rest.count <= 2 && !named
        }
        if tokenEnds[skip] == nil {
            var ends = [Int?](repeating: nil, count: count)
            var last = -1
            for i in 0..<count {
                ends[i] = typed.end(of: skip, atToken: i, language)
                if ends[i] != nil { last = i }
            }
            tokenEnds[skip] = (ends, last)
        }
        let (ends, last) = tokenEnds[skip]!
        guard last >= t0 else { return false }
        var rest: [Int] = []
        var coveredTo = t0
        for i in t0..<count {
            if let end = ends[i] { coveredTo = max(coveredTo, end) }
            guard i >= coveredTo else { continue }
            if typed.typo[i] || !language.isFiller(typed.ids[i], typed.prefixes[i]) {
                rest.append(i)
                if rest.count > 2 { return false }
            }
        }
        let named = rest.contains { i in typed.owner[i] > w && words[typed.owner[i]].first?.isUppercase == true }
        return !named
    }
}
