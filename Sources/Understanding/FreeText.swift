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
/// | `text_comment` | a clause after a comma about feelings or people, after a value of any length | ", I'm still in shock", ", which …", ", a friend recommended her" |
/// | `text_unfinished` | words a value never ends with: a cut that would leave one is not made | "to", "the", "want" |
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
    ///
    /// Before the value is taken out of the words: a correction makes what follows it the answer
    /// (`text_correction`: "Rosie. oh wait, actually put Rosemary", "they said virus, now they say
    /// arthritis"); an opening yes or no with punctuation after it goes (`text_opening`: "no, just a
    /// rash"); not knowing that opens the answer is a skip (`text_skip`, `text_skip_command`), unless a
    /// guess follows it (`text_candidate`: "I do not know yet, maybe the university clinic Großhadern").
    /// After it, a value that still holds not knowing or skipping (`text_never_kept`) is never kept, and
    /// one that opens with "whoever" and the like (`text_generic_lead`) names no one.
    public func readText(_ text: String) -> TextAnswer { readText(text, shared: true) }

    /// `readText`, with `shared: false` reading every part of the line (the words after a sentence
    /// cut, a correction, a label or an opening) as a line of its own: the plain path that the shared
    /// one (`TextLine`) is tested against.
    func readText(_ text: String, shared: Bool) -> TextAnswer {
        let raw = Self.typedWords(text)
        guard !raw.isEmpty else { return .empty }
        return readText(TextLine(raw, language: self, shared: shared), from: 0)
    }

    /// Reads the words of `line` from word `s` on, as `readText` reads a line of those words.
    private func readText(_ line: TextLine, from s: Int) -> TextAnswer {
        let raw = line.words
        let count = raw.count - s
        guard count > 0 else { return .empty }
        // Someone else not knowing ("they don't know what it is") is the answer as it is said.
        let othersDoNotKnow = textConcepts.notSkip.map { line.occurs($0, from: s, self) } ?? false
        if !othersDoNotKnow {
            if let c = textConcepts.correction, let last = line.lastOccurrence(of: c, from: s, self),
                case .value(let v) = readPart(line, from: last.upperBound)
            {
                return .value(v)
            }
            // A label before the value: "medication: methotrexate", "Name: Joan".
            if count > 1, raw[s].hasSuffix(":"), raw[s].count > 1, raw[s].dropLast().allSatisfy({ $0.isLetter || $0 == " " }) {
                return readPart(line, from: s + 1)
            }
            if let o = textConcepts.opening, let end = line.typed.end(of: o, atWord: s, self), end < raw.count,
                let mark = raw[end - 1].last, [",", ".", "!", ";", ":", "-"].contains(mark)
            {
                return readPart(line, from: end)
            }
            if let skip = textConcepts.skip {
                var opened: (start: Int, end: Int)?
                for w in s..<min(s + 2, raw.count) {
                    if let end = line.typed.end(of: skip, atWord: w, self) {
                        opened = (w, end)
                        break
                    }
                }
                let first = line.typed.firstToken[s]
                if let (start, end) = opened, end < raw.count,
                    start == s || (first < line.typed.firstToken[s + 1] && isFiller(line.typed.ids[first], line.typed.prefixes[first]))
                {
                    if let command = textConcepts.skipCommand, line.typed.end(of: command, atWord: start, self) != nil { return .skip }
                    if let guess = textConcepts.candidate {
                        for at in (start + 1)..<min(raw.count, end + 3) {
                            guard let after = line.typed.end(of: guess, atWord: at, self) else { continue }
                            if after < raw.count, case .value(let v) = readPart(line, from: after) { return .value(v) }
                            return .skip
                        }
                    }
                    // Not knowing, then words that name no one in particular: "no idea, we go to the one near the station".
                    if !line.hasCapital(from: end) { return .skip }
                }
            }
        }
        // "whoever my insurance covers", "someone at the big hospital": no one in particular.
        if !othersDoNotKnow, let lead = textConcepts.genericLead, line.typed.end(of: lead, atWord: s, self) != nil { return .empty }
        let read = readValue(line, from: s, othersDoNotKnow: othersDoNotKnow)
        guard case .value(let value) = read, !othersDoNotKnow else { return read }
        // The value's words are the line's (but for trimmed edges): their readings are copied from it,
        // except on the plain path, which reads every part afresh.
        var kept = TypedWords(Self.typedWords(value), language: self, reusing: line.shared ? line.typed : nil, from: s)
        if let never = textConcepts.neverKept, kept.occurs(never, self) {
            if let command = textConcepts.skipCommand, kept.occurs(command, self) { return .skip }
            return .empty
        }
        if let lead = textConcepts.genericLead, kept.end(of: lead, atWord: 0, self) != nil { return .empty }
        return read
    }

    /// Reads the words of `line` from word `w` on: in the same line when it is shared, else as a line of
    /// their own (the plain path).
    private func readPart(_ line: TextLine, from w: Int) -> TextAnswer {
        line.shared ? readText(line, from: w) : readText(line.words[w...].joined(separator: " "), shared: false)
    }

    /// What follows the last correction in a line (`text_correction`: "Ireland - well, Northern Ireland
    /// actually, Belfast" → "Belfast"), when words follow it; nil otherwise.
    public func afterCorrection(_ text: String) -> String? {
        let raw = Self.typedWords(text)
        guard let c = textConcepts.correction else { return nil }
        var typed = TypedWords(raw, language: self)
        guard let last = typed.occurrences(of: c, self).last(where: { $0.lowerBound > 0 && $0.upperBound < raw.count }) else { return nil }
        return typed.line(from: last.upperBound)
    }

    /// Takes the value out of the words of `line` from word `s` on: lead-ins, tails, frames, asides and
    /// cuts.
    private func readValue(_ line: TextLine, from s: Int, othersDoNotKnow othersSaid: Bool) -> TextAnswer {
        guard s < line.words.count else { return .empty }
        let othersDoNotKnow = othersSaid

        // Skipping: a skip phrase, with nothing but filler or generic words besides.
        if !othersDoNotKnow, let skip = textConcepts.skip, line.onlySkips(skip, from: s, self) { return .skip }

        // A second sentence, or a part after a dash, says more about the value: "bladder cancer. It's
        // early", "Dr Green - GP". The first part is the answer when it holds one; when it holds only a
        // skip or nothing ("Not sure. Maybe Dr Ito"), the rest is read.
        if let cut = Self.sentenceEnd(line.words[s...]) {
            let first = line.words[s..<cut.end].joined(separator: " ")
            switch readText(first, shared: line.shared) {
            case .value(let v):
                // The rest says it again more fully: "Ramirez. Dr Ramirez".
                if line.mayRepeat(from: cut.next, v), case .value(let again) = readPart(line, from: cut.next), again.count > v.count,
                    again.lowercased().contains(v.lowercased())
                {
                    return .value(again)
                }
                return .value(v)
            case .skip:
                let after = readPart(line, from: cut.next)
                return after == .empty ? .skip : after
            case .empty: return readPart(line, from: cut.next)
            }
        }

        // Words as typed (for keeping the value's case), and the tokens each holds (a range of `typed`'s
        // tokens), kept side by side: the value is only ever cut at its start or its end.
        let typed = line.typed
        var raw = Array(line.words[s...])
        var spans = (s..<line.words.count).map { typed.firstToken[$0]..<typed.firstToken[$0 + 1] }
        func removeWords(_ words: Range<Int>) {
            raw.removeSubrange(words)
            spans.removeSubrange(words)
        }
        // The tokens of what is left of the line (the loops below re-read it after every cut).
        func tokenized() -> (ids: [Int32], prefixes: [[Int32]], owner: [Int], typo: [Bool]) {
            let count = spans.reduce(0) { $0 + $1.count }
            var ids: [Int32] = []
            ids.reserveCapacity(count)
            var prefixes: [[Int32]] = []
            prefixes.reserveCapacity(count)
            var owner: [Int] = []
            owner.reserveCapacity(count)
            var typo: [Bool] = []
            typo.reserveCapacity(count)
            for (w, span) in spans.enumerated() {
                ids.append(contentsOf: typed.ids[span])
                prefixes.append(contentsOf: typed.prefixes[span])
                typo.append(contentsOf: typed.typo[span])
                for _ in span { owner.append(w) }
            }
            return (ids, prefixes, owner, typo)
        }
        var t = tokenized()

        // A place described before its name: "the surgery on Kings Road, Kings Road Medical Centre".
        if let description = textConcepts.description, let comma = raw.indices.first(where: { raw[$0].hasSuffix(",") }), comma + 1 < raw.count {
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            if self.concept(description, at: 0, &matcher) != nil, case .value(let v) = readText(raw[(comma + 1)...].joined(separator: " "), shared: line.shared) {
                return .value(v)
            }
        }

        // A dose after a medicine's name ends it: "amlodipine 5mg once a day", "tamoxifen, 20 mg".
        if let unit = textConcepts.doseUnit, let dose = raw.indices.dropFirst().first(where: { isDose($0, in: raw, unit: unit) }) {
            removeWords(dose..<raw.count)
            t = tokenized()
        }

        // A clause after a comma or bracket that comments on the value goes: "Kenji, my husband". A clause
        // about feelings or people (`text_comment`: "stage 2 breast cancer, I'm still in shock", "early
        // parkinson's, which my mum doesn't want to believe") goes after a value of any length.
        let aside = textConcepts.aside, comment = textConcepts.comment
        if aside != nil || comment != nil {
            // Only after a short value ("Kenji, my husband"): after a sentence of its own ("they ruled out a
            // tumour, it's just a cyst") the clause is part of the answer.
            for (w, word) in raw.enumerated() where w > 0 && (raw[w - 1].hasSuffix(",") || word.hasPrefix("(")) {
                let short = w <= 4
                guard short || comment != nil else { break }
                // The clause's first words are enough to tell (a long line is not read again at each comma).
                let after = raw[w..<min(raw.count, w + 12)].map(String.init).joined(separator: " ")
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
                let asides = short && (age || afterName || aside.map { self.concept($0, at: 0, &matcher) != nil } == true)
                if !ids.isEmpty, asides || comment.map({ self.concept($0, at: 0, &matcher) != nil }) == true {
                    removeWords(w..<raw.count)
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
            if let generic = textConcepts.genericPhrase, self.concept(generic, at: 0, &matcher) == t.ids.count { return .empty }
            if let lead = textConcepts.leadIn, let end = self.concept(lead, at: 0, &matcher) {
                // Words that only lead in, with nothing after them ("the doctor told me"): nothing to keep.
                if end == t.ids.count { return .empty }
                // Drop whole typed words only, and never a side of the body ("right eye", not "right, so").
                if t.owner[end] != t.owner[end - 1], !Self.isSide(raw, at: t.owner[end - 1]) {
                    removeWords(0..<(t.owner[end - 1] + 1))
                    changed = true
                    continue
                }
            }
            // Tails and frames after the value are short: only the last words can start one.
            let lastStarts = max(1, t.ids.count - Self.tailReach)..<t.ids.count
            // A cut never leaves the value mid-phrase (`text_unfinished`: "… doesn't want to"): the words
            // are kept whole instead.
            let unfinished = textConcepts.unfinished
            func leavesUnfinished(_ start: Int, _ matcher: inout Matcher) -> Bool {
                guard let unfinished else { return false }
                return self.concept(unfinished, at: start - 1, &matcher) == start
            }
            if let tail = textConcepts.tail {
                for start in lastStarts {
                    guard self.concept(tail, at: start, &matcher) == t.ids.count, t.owner[start - 1] != t.owner[start],
                        !leavesUnfinished(start, &matcher)
                    else { continue }
                    removeWords(t.owner[start]..<raw.count)
                    changed = true
                    break
                }
                if changed { continue }
            }
            if othersDoNotKnow { break }
            // A relative clause or a hedge after the value ends it ("Dr Hale who is a cardiologist").
            if let cut = textConcepts.cut {
                for start in t.ids.indices.dropFirst() where t.owner[start - 1] != t.owner[start] {
                    guard self.concept(cut, at: start, &matcher) != nil else { continue }
                    removeWords(t.owner[start]..<raw.count)
                    changed = true
                    break
                }
                if changed { continue }
            }
            if let frame = textConcepts.frameBefore, var end = self.concept(frame, at: 0, &matcher), end < t.ids.count,
                t.owner[end] != t.owner[end - 1], !(0..<end).contains(where: { capitalized(t, $0) || t.typo[$0] }),
                !Self.isSide(raw, at: t.owner[end - 1])
            {
                // "the" before a name stays with it: "the Christie", "the Royal Marsden".
                if capitalized(t, end), raw[t.owner[end - 1]].lowercased() == "the" { end -= 1 }
                var keeps = end == 0
                if !keeps, let keep = textConcepts.keepsFrame { keeps = self.concept(keep, at: end, &matcher) != nil }
                // "the" alone stays before a place described in plain words ("the rare disease centre at
                // the university hospital", `text_institution`), not before a name ("the cleveland clinic")
                // or a thing ("the gastric sleeve").
                if !keeps, end == 1, raw[t.owner[0]].lowercased() == "the", let institution = textConcepts.institution,
                    t.ids.indices.allSatisfy({ t.ids[$0] >= 0 && !t.typo[$0] })
                {
                    keeps = conceptOccurs(institution, &matcher)
                }
                if !keeps {
                    removeWords(0..<(t.owner[end - 1] + 1))
                    changed = true
                    continue
                }
            }
            if let frame = textConcepts.frameAfter {
                // A word right after a number is its unit ("200 m", "5 mg"), not a frame.
                for start in lastStarts where t.owner[start - 1] != t.owner[start] && !Self.isNumber(raw[t.owner[start - 1]]) {
                    guard self.concept(frame, at: start, &matcher) == t.ids.count,
                        !(start..<t.ids.count).contains(where: { capitalized(t, $0) || t.typo[$0] }), !leavesUnfinished(start, &matcher)
                    else { continue }
                    removeWords(t.owner[start]..<raw.count)
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
        if let generic = textConcepts.genericPhrase {
            var matcher = Matcher(language: self, ids: t.ids, prefixes: t.prefixes)
            if self.concept(generic, at: 0, &matcher) == t.ids.count { return .empty }
        }

        return Self.trimmedEdges(raw.joined(separator: " ")).map { .value($0) } ?? .empty
    }

    /// Whether the rest of a line can say value `v` again (its reading holds `v`): a reading of a line is
    /// some of its words as they were typed, so an ASCII line that does not hold `v` (case aside) cannot.
    static func mayRepeat(_ rest: String, _ v: String) -> Bool {
        !rest.utf8.allSatisfy({ $0 < 0x80 }) || rest.lowercased().contains(v.lowercased())
    }

    /// A line's words as typed: split at spaces, empty ones left out. An ASCII line is split byte by byte
    /// (the same words as splitting it character by character).
    static func typedWords(_ text: String) -> [Substring] {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: { $0 == " " }) }
        var words: [Substring] = []
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            if bytes[i] == 0x20 {
                if start != i { words.append(text[start..<i]) }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { words.append(text[start..<bytes.endIndex]) }
        return words
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
        // ASCII: one character is one byte, and only the digits are numbers.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var digits = false
            for b in word.utf8 where b != UInt8(ascii: ",") && b != UInt8(ascii: ".") {
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return false }
                digits = true
            }
            return digits
        }
        return isNumberAsCharacters(word)
    }

    /// `isNumber` read character by character (the plain path its ASCII shortcut is tested against).
    static func isNumberAsCharacters(_ word: Substring) -> Bool {
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
        "dott", "dssa", "ing", "mag", "rev", "doc", "no", "vs", "etc", "dept", "approx", "hosp", "univ", "med", "ctr", "rer", "nat", "phil", "dent", "vet", "habil",
    ]

    /// Where the first sentence or dash-separated part of a free-text answer ends, when more words follow:
    /// `end` is the first word after the part (the dash itself is left out), `next` the first word of the rest
    /// (indices of `raw`, which may be a slice of a longer line).
    static func sentenceEnd(_ raw: ArraySlice<Substring>) -> (end: Int, next: Int)? {
        for w in raw.indices.dropLast() {
            let word = raw[w]
            if w > 0, word == "-" || word == "\u{2013}" || word == "\u{2014}" || word == "--" { return (w, w + 1) }
            guard let last = word.last, last == "." || last == "!" || last == "?" || last == ";" else { continue }
            let bare = word.dropLast().lowercased()
            if last == ".", abbreviations.contains(bare) || bare.count == 1 || bare.contains(".") { continue }
            return (w + 1, w + 1)
        }
        return nil
    }

    /// The person a free-text value names, as a title and up to three name words ("My PCP, dr amanda
    /// reyes" → "Dr Amanda Reyes", "Mr hughes, colorectal surgeon" → "Mr Hughes", "Dr. Feldman at Banner
    /// urology" → "Dr. Feldman", "Prof. Dr. med. Schmidt" whole): a phrase of `text_title` (degree
    /// titles included), then name words up to punctuation, a word of `text_name_end` ("at", "from",
    /// "who") or a generic word; without a title, a name of two or three words (`untitledName`). Nil when
    /// the value names no one. The one reading of a
    /// person's name: the `person` property puts it in `<slot>.name` for the letters.
    /// The name is written for a greeting: words typed all in lower case (or an answer typed all in
    /// capitals) get a capital first letter, also after ' and - ("dr o'brien" → "Dr O'Brien"); words
    /// typed in mixed case stay ("McKenzie"), and so do the rest of a degree title ("Dr. med."), short
    /// capitals ("MD") and particles inside a name ("Dr van der Berg").
    public func personName(in value: String) -> String? {
        guard let name = personNamed(in: value)?.name ?? untitledName(in: value) else { return nil }
        let shouting = !value.contains(where: \.isLowercase)
        let words = name.split(separator: " ")
        return words.enumerated().map { i, word in
            Self.nameCase(word, first: i == 0, last: i == words.count - 1, shouting: shouting)
        }.joined(separator: " ")
    }

    /// A name typed without a title ("Amanda Reyes", "sarah o'neill"): two or three words, each written
    /// with a capital or unknown to the language data (as `nameIn` reads a name), none of them a word of
    /// a place or a role (`text_not_name`: "Banner Urology", "Princess Alexandra Hospital", "my GP").
    private func untitledName(in value: String) -> String? {
        guard let name = nameIn(value) else { return nil }
        let words = Self.typedWords(name)
        guard (2...3).contains(words.count) else { return nil }
        if let notName = textConcepts.notName {
            var typed = TypedWords(words, language: self)
            for w in words.indices where typed.end(of: notName, atWord: w, self) != nil { return nil }
        }
        return name
    }

    /// Degree title parts and name particles, written in lower case inside a name.
    static let lowerInName: Set<String> = [
        "med", "rer", "nat", "phil", "dent", "vet", "habil",
        "van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "al", "ter",
    ]

    static func nameCase(_ word: Substring, first: Bool, last: Bool, shouting: Bool) -> String {
        let hasLower = word.contains(where: \.isLowercase)
        let hasUpper = word.contains(where: \.isUppercase)
        if hasLower && hasUpper { return String(word) }
        if !shouting, !hasLower { return String(word) }
        let bare = word.lowercased().filter(\.isLetter)
        if !first, !last, lowerInName.contains(bare) { return word.lowercased() }
        var out = ""
        var startOfPiece = true
        for ch in word.lowercased() {
            out += startOfPiece ? ch.uppercased() : String(ch)
            startOfPiece = ch == "'" || ch == "\u{2019}" || ch == "-"
        }
        return out
    }

    /// The name a yes names ("my sister Luciana, because Jorge is recovering" → "Luciana", "Priya, my
    /// cousin" → "Priya"): the value of the line as free text, when it is one to three words each written
    /// with a capital or unknown to the language data. Nil for "my son would", "hubby will", "yes".
    public func nameIn(_ line: String) -> String? {
        guard case .value(let value) = readText(line) else { return nil }
        let words = Self.typedWords(value)
        guard (1...3).contains(words.count) else { return nil }
        let typed = TypedWords(words, language: self)
        for (w, word) in words.enumerated() {
            let tokens = typed.firstToken[w]..<typed.firstToken[w + 1]
            guard !tokens.isEmpty, word.first?.isLetter == true else { return nil }
            if word.first?.isUppercase == true { continue }
            if tokens.contains(where: { typed.ids[$0] >= 0 }) { return nil }
        }
        return value
    }

    /// What a person's answer keeps: from their title on, without a role after the name that is all
    /// that follows (`text_role`: "Mr hughes, colorectal surgeon" → "Mr hughes"; "our family doctor, Dr
    /// Ellis" → "Dr Ellis"), but with where they work ("Dr. Feldman at Banner urology"). Nil when the
    /// value names no titled person.
    public func personAnswer(in value: String) -> String? {
        guard let (_, words) = personNamed(in: value) else { return nil }
        let raw = Self.typedWords(value)
        var end = raw.count
        if words.upperBound < raw.count, let role = textConcepts.role {
            let rest = Array(raw[words.upperBound...])
            var typed = TypedWords(rest, language: self)
            // A role that is all that follows, or a description of the person ("she's lovely").
            let covered = typed.end(of: role, atWord: 0, self)
            var described = false
            if let lead = textConcepts.roleLead { described = typed.end(of: lead, atWord: 0, self) != nil }
            if covered == rest.count || described { end = words.upperBound }
        }
        var kept = raw[words.lowerBound..<end].joined(separator: " ")
        while let mark = kept.last, [",", ";", ":", "!", "?"].contains(mark) { kept.removeLast() }
        return kept
    }

    /// The titled person a value names, and the typed words their name takes up.
    private func personNamed(in value: String) -> (name: String, words: Range<Int>)? {
        let raw = Self.typedWords(value)
        guard let title = textConcepts.title else { return nil }
        var typed = TypedWords(raw, language: self)
        let end = textConcepts.nameEnd
        for w in raw.indices {
            guard let after = typed.end(of: title, atWord: w, self), after < raw.count,
                !raw[after - 1].hasSuffix(",")
            else { continue }
            var last = after
            while last < raw.count, last - after < 3 {
                let first = typed.firstToken[last]
                guard first < typed.firstToken[last + 1] else { break }
                if let end, typed.end(of: end, atWord: last, self) != nil { break }
                if isFiller(typed.ids[first], typed.prefixes[first]) { break }
                last += 1
                if let mark = raw[last - 1].last, [",", ".", ";", ":", "!", "?", ")"].contains(mark) { break }
            }
            guard last > after else { continue }
            var name = raw[w..<last].joined(separator: " ")
            while let mark = name.last, [",", ";", ":", "!", "?", ")"].contains(mark) || (mark == "." && name.split(separator: " ").count > 1 && !(name.hasSuffix("Dr.") || name.hasSuffix("dr."))) {
                name.removeLast()
            }
            return (name, w..<last)
        }
        return nil
    }

    /// Whether a free-text answer says only "none": each word is in a phrase of `text_none` ("no",
    /// "nothing", "not really") or of the question's own `no` concepts ("nothing new", "no new ones"),
    /// of `text_none_filler` ("i said", "i told you", "sorry"), or a generic word, and one of the first
    /// kind is there. "i said no. nothing new" to "What are the new symptoms?" keeps nothing.
    public func saysNone(_ line: PreparedLine, no: [String]) -> Bool {
        guard !line.tokens.isEmpty else { return false }
        let spans = conceptSpans(["text_none"] + no, in: line)
        guard !spans.isEmpty else { return false }
        var covered = [Bool](repeating: false, count: line.tokens.count)
        for (_, list) in spans { for r in list { for i in r { covered[i] = true } } }
        for (_, list) in conceptSpans(["text_none_filler"], in: line) { for r in list { for i in r { covered[i] = true } } }
        return line.tokens.indices.allSatisfy { covered[$0] || (line.words[$0].how != .typo && isFiller(line.ids[$0], line.prefixes[$0])) }
    }

    /// Whether typed word `w` is a dose: a number with a unit of `text_dose_unit` joined to it ("15mg")
    /// or after it ("20 mg").
    private func isDose(_ w: Int, in raw: [Substring], unit: Int) -> Bool {
        // A word that opens with an ASCII character other than a digit holds no number.
        if let first = raw[w].first, first.isASCII, !first.isNumber { return false }
        let word = raw[w].lowercased()
        let digits = word.prefix { $0.isNumber || $0 == "." }
        guard digits.first?.isNumber == true else { return false }
        var rest = word.dropFirst(digits.count).filter { $0.isLetter }
        if rest.isEmpty, word.dropFirst(digits.count).allSatisfy({ !$0.isLetter && !$0.isNumber }), w + 1 < raw.count {
            rest = raw[w + 1].lowercased().filter { $0.isLetter }
        }
        guard !rest.isEmpty else { return false }
        let base = self.base(of: rest).0
        var matcher = Matcher(language: self, ids: [wordIDs[base] ?? -1], prefixes: [prefixHits(base)])
        return concept(unit, at: 0, &matcher) == 1
    }

    /// Whether a word is a filler or a generic word (`text_generic`): it names nothing in particular.
    func isFiller(_ id: Int32, _ prefixes: [Int32]) -> Bool {
        guard let generic = textConcepts.generic, id >= 0 || !prefixes.isEmpty else { return false }
        var matcher = Matcher(language: self, ids: [id], prefixes: [prefixes])
        return concept(generic, at: 0, &matcher) == 1
    }
}

/// The free-text reader's concepts (`text_…` in the language data) by number, looked up once when the
/// language is built rather than by name on every line.
struct TextConcepts: Sendable {
    let aside: Int?
    let candidate: Int?
    let comment: Int?
    let correction: Int?
    let cut: Int?
    let description: Int?
    let doseUnit: Int?
    let frameAfter: Int?
    let frameBefore: Int?
    let generic: Int?
    let genericLead: Int?
    let genericPhrase: Int?
    let institution: Int?
    let keepsFrame: Int?
    let leadIn: Int?
    let nameEnd: Int?
    let neverKept: Int?
    let notName: Int?
    let notSkip: Int?
    let opening: Int?
    let role: Int?
    let roleLead: Int?
    let skip: Int?
    let skipCommand: Int?
    let tail: Int?
    let title: Int?
    let unfinished: Int?

    init(_ index: [String: Int]) {
        aside = index["text_aside"]
        candidate = index["text_candidate"]
        comment = index["text_comment"]
        correction = index["text_correction"]
        cut = index["text_cut"]
        description = index["text_description"]
        doseUnit = index["text_dose_unit"]
        frameAfter = index["text_frame_after"]
        frameBefore = index["text_frame_before"]
        generic = index["text_generic"]
        genericLead = index["text_generic_lead"]
        genericPhrase = index["text_generic_phrase"]
        institution = index["text_institution"]
        keepsFrame = index["text_keeps_frame"]
        leadIn = index["text_lead_in"]
        nameEnd = index["text_name_end"]
        neverKept = index["text_never_kept"]
        notName = index["text_not_name"]
        notSkip = index["text_not_skip"]
        opening = index["text_opening"]
        role = index["text_role"]
        roleLead = index["text_role_lead"]
        skip = index["text_skip"]
        skipCommand = index["text_skip_command"]
        tail = index["text_tail"]
        title = index["text_title"]
        unfinished = index["text_unfinished"]
    }
}
