/// "Did you mean …?" hints: the closest candidate by edit distance, if it is close enough to help.
package enum Suggestion {
    /// The candidate nearest to `word`, or nil when nothing is within a third of its length (at least 2 edits).
    package static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let w = Array(word.lowercased().unicodeScalars)
        let limit = max(2, w.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            // Length first, without allocating: most candidates are ruled out here.
            if abs(candidate.unicodeScalars.count - w.count) > limit { continue }
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = editDistance(w, c)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// A hint sentence for `closest`, e.g. `did you mean 'ask_type'?`.
    package static func hint<S: Sequence>(for word: String, in candidates: S) -> String? where S.Element == String {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions).
    package static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
