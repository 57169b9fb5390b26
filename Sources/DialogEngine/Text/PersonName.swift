/// A person named in a typed answer, and what else the answer says about them: "my PCP, dr amanda
/// reyes" names Dr Amanda Reyes; "Mr Tane Williams, orthopaedic surgeon at Waikato Hospital" names
/// Mr Tane Williams, an orthopaedic surgeon, at Waikato Hospital. Read by the `name` and `addressee`
/// template filters, so a letter greets the doctor by name ("Dear Dr Amanda Reyes,"), never by what
/// the person called them ("Dear My PCP, dr amanda reyes,").
///
/// The answer is cut into parts at commas, brackets, dashes and the words "at", "from" and "in". The
/// person is a title ("Dr", "Mr", "Prof" …) and the name words after it, or, without a title, a part of
/// one to four name words (no role, place or small word among them). Name words typed all in lower or
/// upper case get a capital first letter ("o'brien" → "O'Brien"); words typed in mixed case stay as
/// typed ("McKenzie"). The other parts are the `rest` (role and place), except those that only say
/// whose doctor it is ("my PCP", "her GP").
struct PersonName: Sendable, Hashable {
    /// "Dr Amanda Reyes", or nil when the answer names no person.
    var name: String?
    /// "Orthopaedic surgeon, Waikato Hospital": the other parts, joined with commas, first letter in
    /// upper case; nil when there are none.
    var rest: String?

    /// Titles, by how they are typed in lower case, with how each is written.
    static let titles: [String: String] = [
        "dr": "Dr", "dr.": "Dr.", "doctor": "Doctor", "dra": "Dra", "dra.": "Dra.", "mr": "Mr", "mr.": "Mr.", "mrs": "Mrs",
        "mrs.": "Mrs.", "ms": "Ms", "ms.": "Ms.", "miss": "Miss", "mx": "Mx", "mx.": "Mx.", "prof": "Prof", "prof.": "Prof.",
        "professor": "Professor", "sir": "Sir", "dame": "Dame",
    ]

    /// Words that continue a title ("Dr. med.", "Dr. rer. nat.", "Prof. Dr.").
    static let titleParts: Set<String> = ["med.", "med", "rer.", "nat.", "habil.", "phil.", "dent.", "vet.", "dr.", "dr"]

    /// Words that end a name, or start a part that is no name.
    static let smallWords: Set<String> = [
        "a", "an", "the", "my", "our", "his", "her", "their", "your", "who", "which", "that", "is", "was", "are", "and", "or",
        "with", "for", "on", "of", "at", "from", "in", "she", "he", "they", "it", "i", "we", "you", "but", "because", "since",
        "said", "says", "told", "thinks", "think", "wants", "want", "not", "no", "yes", "maybe", "probably", "just",
        "also", "there", "here", "now", "then", "as", "by", "to", "so", "if", "when", "sees", "see", "saw", "seen",
    ]

    /// Words that say what someone does or where: never part of a name.
    static let roleWords: Set<String> = [
        "surgeon", "surgeons", "consultant", "consultants", "specialist", "specialists", "gp", "gps", "pcp", "doctor", "doctors",
        "doc", "physician", "nurse", "registrar", "resident", "team", "clinic", "clinics", "hospital", "hospitals", "practice",
        "centre", "center", "surgery", "health", "healthcare", "medical", "medicine", "service", "services", "unit", "department",
        "dept", "ward", "institute", "university", "trust", "foundation", "group", "partners", "associates", "st", "st.", "saint",
        "dentist", "pharmacist", "general", "family", "primary", "care", "infirmary", "children's", "childrens", "kids", "cancer", "heart", "eye", "spine",
        "orthopaedic", "orthopedic", "gastro", "ent", "neuro", "nhs", "private", "public", "local", "new", "old", "current",
    ]

    /// Endings of role and place words ("neurologist", "cardiology", "paediatrician", "orthopaedics").
    static let roleEndings = ["ologist", "ology", "ician", "iatrist", "iatrics", "paedics", "pedics", "ologic", "ological", "therapist"]

    /// Small words written in lower case inside a name ("Dr van der Berg").
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "al", "ter"]

    /// Words that only say whose doctor it is: a part that starts with one is left out of `rest`.
    static let possessives: Set<String> = ["my", "our", "his", "her", "their", "your"]

    /// Words that start a new part (the word itself is left out).
    static let partBreaks: Set<String> = ["at", "from", "in"]

    init(name: String?, rest: String?) {
        self.name = name
        self.rest = rest
    }

    /// Reads `text` as typed.
    init(reading text: String) {
        let shouting = !text.contains(where: \.isLowercase)
        let parts = Self.parts(text)
        var name: String?
        var restParts: [[Substring]] = []
        for part in parts {
            if name == nil, let (found, before, after) = Self.person(in: part, shouting: shouting) {
                name = found
                if !before.isEmpty { restParts.append(before) }
                if !after.isEmpty { restParts.append(after) }
            } else {
                restParts.append(part)
            }
        }
        let kept = restParts.compactMap { part -> String? in
            guard let first = part.first, !Self.possessives.contains(Self.bare(first)) else { return nil }
            var words = part
            // "the pediatrician" → "pediatrician"; "a surgeon" → "surgeon".
            while let lead = words.first, ["the", "a", "an"].contains(Self.bare(lead)), words.count > 1 { words.removeFirst() }
            let joined = words.map { Self.trimmed($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            return joined.isEmpty ? nil : Template.sentenceCase(joined, capitalized: false)
        }
        self.name = name
        if let first = kept.first {
            let joined = ([first] + kept.dropFirst()).joined(separator: ", ")
            rest = joined.prefix(1).uppercased() + joined.dropFirst()
        } else {
            rest = nil
        }
    }

    /// The answer's words, cut into parts at punctuation and at "at", "from", "in".
    static func parts(_ text: String) -> [[Substring]] {
        var parts: [[Substring]] = []
        var current: [Substring] = []
        func close() {
            if !current.isEmpty { parts.append(current) }
            current = []
        }
        var spaced = ""
        for ch in text {
            // Brackets, commas, semicolons and slashes between words break parts; so does a dash alone.
            if [",", ";", "(", ")", "[", "]", "/"].contains(ch) {
                spaced += " | "
            } else {
                spaced.append(ch)
            }
        }
        for word in spaced.split(separator: " ") {
            if word == "|" || word == "-" || word == "\u{2013}" || word == "\u{2014}" || word == "--" {
                close()
            } else if partBreaks.contains(word.lowercased()) {
                close()
            } else {
                current.append(word)
            }
        }
        close()
        return parts
    }

    /// The person in one part: the name as written, and the words before and after it.
    static func person(in part: [Substring], shouting: Bool) -> (String, [Substring], [Substring])? {
        for (i, word) in part.enumerated() {
            guard var title = titles[bare(word, keepingPoint: true)] else { continue }
            var j = i + 1
            // The rest of a degree title stays as typed in lower case: "Dr. med. Hoffmann", "Dr rer. nat. Braun".
            while j < part.count, titleParts.contains(bare(part[j], keepingPoint: true)) {
                let b = bare(part[j], keepingPoint: true)
                title += " " + (titles[b] ?? trimmed(part[j]).lowercased())
                j += 1
            }
            var names: [String] = []
            while j < part.count, names.count < 4, isNameWord(part[j]) {
                names.append(normal(trimmed(part[j]), shouting: shouting))
                j += 1
            }
            // "the doctor", "a doctor": a title with no name after it names no one.
            guard !names.isEmpty else { continue }
            // Particles stay lower case only inside a name: "Dr van der Berg", not "Dr van".
            if let last = names.last, particles.contains(last.lowercased()) { names[names.count - 1] = capitalized(last) }
            return (([title] + names).joined(separator: " "), Array(part[..<i]), Array(part[j...]))
        }
        // No title: the whole part, when it is one to four name words.
        guard (1...4).contains(part.count), part.allSatisfy(isNameWord) else { return nil }
        let names = part.map { normal(trimmed($0), shouting: shouting) }
        return (names.joined(separator: " "), [], [])
    }

    /// Whether a typed word can be part of a name: letters (and ' ’ - . inside), no small, role or place word.
    static func isNameWord(_ word: Substring) -> Bool {
        let w = trimmed(word)
        guard let first = w.first, first.isLetter,
            w.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "\u{2019}" || $0 == "-" || $0 == "." })
        else { return false }
        let lower = w.lowercased()
        if smallWords.contains(lower) || roleWords.contains(lower) || titles[lower] != nil { return false }
        if lower.count > 4, roleEndings.contains(where: { lower.hasSuffix($0) }) { return false }
        return true
    }

    /// A name word in normal case: typed all in one case, a capital first letter (also after ' and -);
    /// typed in mixed case, as typed. Particles typed in lower case stay so, and so do short capitals
    /// ("MD", initials) in an answer that is not typed all in capitals.
    static func normal(_ word: String, shouting: Bool) -> String {
        let hasLower = word.contains(where: \.isLowercase)
        let hasUpper = word.contains(where: \.isUppercase)
        if hasLower && hasUpper { return word }
        if !shouting, !hasLower, word.filter(\.isLetter).count <= 3 { return word }
        if particles.contains(word.lowercased()), hasLower { return word }
        return capitalized(word)
    }

    /// "o'brien" → "O'Brien", "SMITH-JONES" → "Smith-Jones".
    static func capitalized(_ word: String) -> String {
        var out = ""
        var startOfPiece = true
        for ch in word.lowercased() {
            out += startOfPiece ? ch.uppercased() : String(ch)
            startOfPiece = ch == "'" || ch == "\u{2019}" || ch == "-"
        }
        return out
    }

    /// A word without the punctuation around it ("Reyes," → "Reyes"); a title keeps its point ("Dr.").
    static func trimmed(_ word: Substring) -> String {
        var w = word
        while let last = w.last, [",", ";", ":", "!", "?", "\"", ")", "]"].contains(last) { w = w.dropLast() }
        while let first = w.first, ["\"", "(", "["].contains(first) { w = w.dropFirst() }
        return String(w)
    }

    /// A word in lower case without the punctuation around it; with `keepingPoint`, a final "." stays.
    static func bare(_ word: Substring, keepingPoint: Bool = false) -> String {
        var w = trimmed(word).lowercased()
        if !keepingPoint, w.hasSuffix(".") { w.removeLast() }
        return w
    }
}
