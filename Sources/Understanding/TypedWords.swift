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

    init(_ words: [Substring], language: Language) {
        self.words = words
        var ids: [Int32] = []
        var prefixes: [[Int32]] = []
        var typo: [Bool] = []
        var owner: [Int] = []
        var firstToken: [Int] = []
        // A word said again is read once (a long line repeats many of its words).
        var read: [Substring: (first: Int, end: Int)] = [:]
        for (w, word) in words.enumerated() {
            firstToken.append(ids.count)
            if let (first, end) = read[word] {
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
            read[word] = (first, ids.count)
        }
        firstToken.append(ids.count)
        self.ids = ids
        self.prefixes = prefixes
        self.typo = typo
        self.owner = owner
        self.firstToken = firstToken
        matcher = Matcher(language: language, ids: ids, prefixes: prefixes)
    }

    /// Where a phrase of concept `c` starting at typed word `w` ends, as the typed word after it, when
    /// it ends on a whole word; nil otherwise.
    mutating func end(of c: Int, atWord w: Int, _ language: Language) -> Int? {
        guard w < words.count, firstToken[w] < ids.count else { return nil }
        guard let end = language.concept(c, at: firstToken[w], &matcher) else { return nil }
        let after = end < ids.count ? owner[end] : words.count
        return firstToken[after] == end ? after : nil
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
