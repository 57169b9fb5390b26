/// Taking the value out of a free-text answer: "she's called Beatrice" → "Beatrice", "no idea yet,
/// skip it" → skipped, "a doctor" → nothing to keep. Every step is a concept of the language data, so a
/// clinician can see and extend what is taken off:
///
/// | concept | what it is | example |
/// | --- | --- | --- |
/// | `text_skip` | saying one does not know, or will not say | "no idea", "can't remember", "rather not" |
/// | `text_lead_in` | words before the value | "her name is", "it's called", "my GP is", "send them to" |
/// | `text_tail` | words after the value | "please", "I think", "is fine", "for my son" |
/// | `text_aside` | a clause after a comma that comments on the value | ", my husband", ", the surgeon said …" |
/// | `text_generic` | words that name no one in particular | "a doctor", "the hospital", "surgery" |
/// | `text_not_skip` | someone else not knowing: an answer, not a skip | "they don't know what it is" |
///
/// Case and spelling of the value are kept as typed ("Dr. Kim at Northside Cardiology").
public enum TextAnswer: Sendable, Hashable {
    case value(String)
    /// The person does not know, or would rather not say.
    case skip
    /// Nothing in it can be kept ("a doctor", "yes").
    case empty
}

extension Language {
    /// Reads a free-text answer (already cleaned of control characters and extra spaces).
    public func readText(_ text: String) -> TextAnswer {
        // Words as typed (for keeping the value's case) and the tokens each holds.
        var raw: [Substring] = text.split(whereSeparator: { $0 == " " })
        guard !raw.isEmpty else { return .empty }
        var tokensPerWord = raw.map { TextNormalizer.tokens(String($0)).count }

        func tokenized() -> (ids: [Int32], prefixes: [[Int32]], owner: [Int]) {
            var ids: [Int32] = []
            var prefixes: [[Int32]] = []
            var owner: [Int] = []
            for (w, word) in raw.enumerated() {
                for token in TextNormalizer.tokens(String(word)) {
                    let base = Lexicon.isDigits(token) ? token : self.base(of: token).0
                    ids.append(wordIDs[base] ?? -1)
                    prefixes.append(prefixHits(base))
                    owner.append(w)
                }
            }
            return (ids, prefixes, owner)
        }
        func concept(_ name: String) -> Int? { conceptIndex[name] }

        // Skipping: a skip phrase, with nothing but filler or generic words besides.
        var t = tokenized()
        var othersDoNotKnow = false
        if let notSkip = concept("text_not_skip") {
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            othersDoNotKnow = conceptOccurs(notSkip, &matcher)
        }
        if !othersDoNotKnow, let skip = concept("text_skip") {
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            var covered = [Bool](repeating: false, count: t.ids.count)
            var any = false
            for start in t.ids.indices {
                if let end = self.concept(skip, at: start, &matcher) {
                    any = true
                    for i in start..<end { covered[i] = true }
                }
            }
            if any {
                let rest = t.ids.indices.filter { !covered[$0] }
                if rest.count <= 2 || rest.allSatisfy({ isFiller(t.ids[$0], t.prefixes[$0]) }) { return .skip }
            }
        }

        // A clause after a comma or bracket that comments on the value goes: "Kenji, my husband".
        if let aside = concept("text_aside") {
            // Only after a short value ("Kenji, my husband"): after a sentence of its own ("they ruled out a
            // tumour, it's just a cyst") the clause is part of the answer.
            for (w, word) in raw.enumerated() where w > 0 && w <= 4 && (raw[w - 1].hasSuffix(",") || word.hasPrefix("(")) {
                let after = raw[w...].map(String.init).joined(separator: " ")
                let cleanedAfter = after.hasPrefix("(") ? String(after.dropFirst()) : after
                let tokens = TextNormalizer.tokens(cleanedAfter)
                var ids: [Int32] = []
                var prefixes: [[Int32]] = []
                for token in tokens {
                    let base = Lexicon.isDigits(token) ? token : self.base(of: token).0
                    ids.append(wordIDs[base] ?? -1)
                    prefixes.append(prefixHits(base))
                }
                var matcher = Matcher(language: self, ids: ids, prefixes: prefixes)
                if !ids.isEmpty, self.concept(aside, at: 0, &matcher) != nil || word.hasPrefix("(") {
                    raw.removeSubrange(w...)
                    tokensPerWord.removeSubrange(w...)
                    break
                }
            }
        }

        // Lead-ins and tails, again and again ("ok, his name is Tomasz"; "Kofi please").
        var changed = true
        while changed, !raw.isEmpty {
            changed = false
            t = tokenized()
            guard !t.ids.isEmpty else { break }
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            if let lead = concept("text_lead_in"), let end = self.concept(lead, at: 0, &matcher), end < t.ids.count {
                // Drop whole typed words only.
                let lastWord = t.owner[end - 1]
                if end == t.ids.count || t.owner[end] != lastWord {
                    raw.removeSubrange(...lastWord)
                    changed = true
                    continue
                }
            }
            if let tail = concept("text_tail") {
                for start in t.ids.indices.dropFirst() {
                    guard self.concept(tail, at: start, &matcher) == t.ids.count, t.owner[start - 1] != t.owner[start] else { continue }
                    raw.removeSubrange(t.owner[start]...)
                    changed = true
                    break
                }
            }
        }
        guard !raw.isEmpty else { return .empty }

        // Nothing but generic words and fillers: nothing to keep.
        t = tokenized()
        if t.ids.indices.allSatisfy({ isFiller(t.ids[$0], t.prefixes[$0]) }) { return .empty }

        var value = raw.joined(separator: " ")
        let edges: Set<Character> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "-", "–", "—", " "]
        while let first = value.first, edges.contains(first) { value.removeFirst() }
        while let last = value.last, edges.contains(last), !(last == "." && value.hasSuffix("Dr.")) { value.removeLast() }
        return value.isEmpty ? .empty : .value(value)
    }

    /// Whether a word is a filler or a generic word (`text_generic`): it names nothing in particular.
    private func isFiller(_ id: Int32, _ prefixes: [Int32]) -> Bool {
        guard let generic = conceptIndex["text_generic"], id >= 0 || !prefixes.isEmpty else { return false }
        var matcher = Matcher(language: self, ids: [id], prefixes: [prefixes])
        return concept(generic, at: 0, &matcher) == 1
    }
}
