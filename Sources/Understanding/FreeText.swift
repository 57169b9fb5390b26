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
/// Case and spelling of the value are kept as typed ("Dr. Kim at Northside Cardiology"), and nothing is
/// cut from inside it: a bracket keeps its closing half ("(Spinalkanalstenose)"), a number its unit
/// ("200 m"), a qualifier in brackets stays ("multiple sclerosis (relapsing remitting)"), and "right" or
/// "left" before a word is a side of the body ("right eye"), not a lead-in.
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

        // Each typed word's tokens as the rules read them, worked out once (the loops below re-read
        // what is left of the line many times).
        var known: [Substring: [(id: Int32, prefixes: [Int32], typo: Bool)]] = [:]
        func tokenized() -> (ids: [Int32], prefixes: [[Int32]], owner: [Int], typo: [Bool]) {
            var ids: [Int32] = []
            var prefixes: [[Int32]] = []
            var owner: [Int] = []
            var typo: [Bool] = []
            for (w, word) in raw.enumerated() {
                let read: [(id: Int32, prefixes: [Int32], typo: Bool)]
                if let cached = known[word] {
                    read = cached
                } else {
                    read = TextNormalizer.tokens(String(word)).map { token in
                        let (base, how) = Lexicon.isDigits(token) ? (token, Lexicon.Reading.asTyped) : self.base(of: token)
                        if case .typo = how { return (wordIDs[base] ?? -1, prefixHits(base), true) }
                        return (wordIDs[base] ?? -1, prefixHits(base), false)
                    }
                    known[word] = read
                }
                for r in read {
                    ids.append(r.id)
                    prefixes.append(r.prefixes)
                    owner.append(w)
                    typo.append(r.typo)
                }
            }
            return (ids, prefixes, owner, typo)
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
                // At most two other words that name something, none of them written like a name ("I
                // honestly can't remember the name"; not "Dr Smith, I don't know his first name").
                let rest = t.ids.indices.filter { !covered[$0] && (t.typo[$0] || !isFiller(t.ids[$0], t.prefixes[$0])) }
                let named = rest.contains { i in t.owner[i] > 0 && raw[t.owner[i]].first?.isUppercase == true }
                if rest.count <= 2 && !named { return .skip }
            }
        }

        // A second sentence, or a part after a dash, says more about the value: "bladder cancer. It's
        // early", "Dr Green - GP". The first part is the answer when it holds one; when it holds only a
        // skip or nothing ("Not sure. Maybe Dr Ito"), the rest is read.
        if let cut = Self.sentenceEnd(raw) {
            let first = raw[..<cut.end].joined(separator: " ")
            let rest = raw[cut.next...].joined(separator: " ")
            switch readText(first) {
            case .value(let v): return .value(v)
            case .skip: return readText(rest) == .empty ? .skip : readText(rest)
            case .empty: return readText(rest)
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
                // An age alone ("Joan, 84") comments on the value too.
                let age = tokens.count == 1 && tokens[0].count <= 3 && Lexicon.isDigits(tokens[0])
                // A bracket that qualifies the value stays ("multiple sclerosis (relapsing remitting)"); one
                // that comments on it, like a clause after a comma, goes ("Kenji (my husband)"), and so does
                // one after a name ("Kasia (Katarzyna)").
                let previous = raw[w - 1]
                let afterName = word.hasPrefix("(") && previous.first?.isUppercase == true && previous.contains(where: \.isLowercase)
                if !ids.isEmpty, age || afterName || self.concept(aside, at: 0, &matcher) != nil {
                    raw.removeSubrange(w...)
                    tokensPerWord.removeSubrange(w...)
                    break
                }
            }
        }

        // Lead-ins and tails, again and again ("ok, his name is Tomasz"; "Kofi please"); then frame words
        // one or a few at a time ("they think it might be a stomach ulcer", "Mabel will do"), as long as
        // something is left, a word written like a name stays ("the Royal Marsden"), a word read as a typo
        // stays ("ACL recon"), and a negation after the frame keeps it ("they're not sure yet"). Someone
        // else not knowing ("they don't know what it is") is kept as it is said.
        func capitalized(_ t: (ids: [Int32], prefixes: [[Int32]], owner: [Int], typo: [Bool]), _ i: Int) -> Bool {
            guard t.owner[i] > 0, let first = raw[t.owner[i]].first, first.isUppercase else { return false }
            let word = raw[t.owner[i]].lowercased()
            return !(word == "i" || word.hasPrefix("i'") || word.hasPrefix("i\u{2019}"))
        }
        var changed = true
        while changed, !raw.isEmpty {
            changed = false
            t = tokenized()
            guard !t.ids.isEmpty else { break }
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            if let generic = concept("text_generic_phrase"), self.concept(generic, at: 0, &matcher) == t.ids.count { return .empty }
            if let lead = concept("text_lead_in"), let end = self.concept(lead, at: 0, &matcher) {
                // Words that only lead in, with nothing after them ("the doctor told me"): nothing to keep.
                if end == t.ids.count { return .empty }
                // Drop whole typed words only, and never a side of the body ("right eye", not "right, so").
                if t.owner[end] != t.owner[end - 1], !Self.isSide(raw, at: t.owner[end - 1]) {
                    raw.removeSubrange(...t.owner[end - 1])
                    changed = true
                    continue
                }
            }
            // Tails and frames after the value are short: only the last words can start one.
            let lastStarts = max(1, t.ids.count - Self.tailReach)..<t.ids.count
            if let tail = concept("text_tail") {
                for start in lastStarts {
                    guard self.concept(tail, at: start, &matcher) == t.ids.count, t.owner[start - 1] != t.owner[start] else { continue }
                    raw.removeSubrange(t.owner[start]...)
                    changed = true
                    break
                }
                if changed { continue }
            }
            if othersDoNotKnow { break }
            // A relative clause or a hedge after the value ends it ("Dr Hale who is a cardiologist").
            if let cut = concept("text_cut") {
                for start in t.ids.indices.dropFirst() where t.owner[start - 1] != t.owner[start] {
                    guard self.concept(cut, at: start, &matcher) != nil else { continue }
                    raw.removeSubrange(t.owner[start]...)
                    changed = true
                    break
                }
                if changed { continue }
            }
            if let frame = concept("text_frame_before"), var end = self.concept(frame, at: 0, &matcher), end < t.ids.count,
                t.owner[end] != t.owner[end - 1], !(0..<end).contains(where: { capitalized(t, $0) || t.typo[$0] }),
                !Self.isSide(raw, at: t.owner[end - 1])
            {
                // "the" before a name stays with it: "the Christie", "the Royal Marsden".
                if capitalized(t, end), raw[t.owner[end - 1]].lowercased() == "the" { end -= 1 }
                var keeps = end == 0
                if !keeps, let keep = concept("text_keeps_frame") { keeps = self.concept(keep, at: end, &matcher) != nil }
                if !keeps {
                    raw.removeSubrange(...t.owner[end - 1])
                    changed = true
                    continue
                }
            }
            if let frame = concept("text_frame_after") {
                // A word right after a number is its unit ("200 m", "5 mg"), not a frame.
                for start in lastStarts where t.owner[start - 1] != t.owner[start] && !Self.isNumber(raw[t.owner[start - 1]]) {
                    guard self.concept(frame, at: start, &matcher) == t.ids.count,
                        !(start..<t.ids.count).contains(where: { capitalized(t, $0) || t.typo[$0] })
                    else { continue }
                    raw.removeSubrange(t.owner[start]...)
                    changed = true
                    break
                }
            }
        }
        guard !raw.isEmpty else { return .empty }

        // Nothing but generic words and fillers, or a phrase that names no one in particular ("my wife",
        // "the person I care for"): nothing to keep.
        t = tokenized()
        if t.ids.indices.allSatisfy({ !t.typo[$0] && isFiller(t.ids[$0], t.prefixes[$0]) }) { return .empty }
        if let generic = concept("text_generic_phrase") {
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            if self.concept(generic, at: 0, &matcher) == t.ids.count { return .empty }
        }

        return Self.trimmedEdges(raw.joined(separator: " ")).map { .value($0) } ?? .empty
    }

    /// The value without punctuation around it, except a bracket or quote that closes one inside it
    /// ("spinal stenosis (Spinalkanalstenose)") and the point of "Dr."; nil when nothing is left.
    public static func trimmedEdges(_ text: String) -> String? {
        var value = Substring(text)
        let edges: Set<Character> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "-", "–", "—", " "]
        func opens(_ c: Character) -> Character? { ["(": ")", "[": "]", "\"": "\"", "\u{201C}": "\u{201D}"][c] }
        func closes(_ c: Character) -> Character? { [")": "(", "]": "[", "\"": "\"", "\u{201D}": "\u{201C}"][c] }
        while let first = value.first, edges.contains(first) {
            // An opening bracket whose closing one is in the value stays with it.
            if let close = opens(first), value.dropFirst().contains(close) { break }
            value = value.dropFirst()
        }
        while let last = value.last, edges.contains(last), !(last == "." && value.hasSuffix("Dr.")) {
            if let open = closes(last), value.dropLast().contains(open) { break }
            value = value.dropLast()
        }
        return value.isEmpty ? nil : String(value)
    }

    /// Whether a typed word is a number ("200", "3.5", "10,000").
    static func isNumber(_ word: Substring) -> Bool {
        let w = word.filter { $0 != "," && $0 != "." }
        return !w.isEmpty && w.allSatisfy(\.isNumber)
    }

    /// "right" or "left" typed with no punctuation after it and before a word that is no filler: a side
    /// of the body ("right eye"), not a word that opens a sentence ("right, it's Dr Kim", "right so …").
    static func isSide(_ raw: [Substring], at i: Int) -> Bool {
        let w = raw[i].lowercased()
        guard w == "right" || w == "left", i + 1 < raw.count else { return false }
        let next = raw[i + 1].lowercased().filter { $0.isLetter || $0 == "'" }
        return !sentenceOpeners.contains(next)
    }

    /// Words that follow "right" when it opens a sentence.
    static let sentenceOpeners: Set<String> = [
        "so", "then", "ok", "okay", "well", "it", "its", "it's", "that", "thats", "that's", "the", "yes", "yeah", "um", "er", "erm",
        "i", "im", "i'm", "we", "he", "she", "they", "his", "her", "my", "our", "now",
    ]

    /// How many words from the end a tail or a frame after the value may start.
    static let tailReach = 12

    /// Words a point after does not end a sentence: "Dr. Sato", "St. Luke's".
    static let abbreviations: Set<String> = [
        "dr", "dra", "drs", "mr", "mrs", "ms", "mx", "prof", "profa", "pr", "st", "mt", "jr", "sr", "sra", "srta", "mme", "mlle",
        "dott", "dssa", "ing", "mag", "rev", "doc", "no", "vs", "etc", "dept", "approx", "hosp", "univ", "med", "ctr",
    ]

    /// Where the first sentence or dash-separated part of a free-text answer ends, when more words follow:
    /// `end` is the first word after the part (the dash itself is left out), `next` the first word of the rest.
    static func sentenceEnd(_ raw: [Substring]) -> (end: Int, next: Int)? {
        for w in raw.indices.dropLast() {
            let word = raw[w]
            if ["-", "\u{2013}", "\u{2014}", "--"].contains(String(word)), w > 0 { return (w, w + 1) }
            guard let last = word.last, [".", "!", "?", ";"].contains(last) else { continue }
            let bare = word.dropLast().lowercased()
            if last == ".", abbreviations.contains(bare) || bare.count == 1 || bare.contains(".") { continue }
            return (w + 1, w + 1)
        }
        return nil
    }

    /// Whether a word is a filler or a generic word (`text_generic`): it names nothing in particular.
    private func isFiller(_ id: Int32, _ prefixes: [Int32]) -> Bool {
        guard let generic = conceptIndex["text_generic"], id >= 0 || !prefixes.isEmpty else { return false }
        var matcher = Matcher(language: self, ids: [id], prefixes: [prefixes])
        return concept(generic, at: 0, &matcher) == 1
    }
}
