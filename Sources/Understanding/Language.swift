/// A language folder, ready to read lines with: the lexicon, the concepts and patterns compiled to
/// integer references, and indexes from a pattern's possible first words to the pattern. Built once
/// from a `LanguageSpec`; immutable, so one instance serves every turn.
public final class Language: Sendable {
    public let spec: LanguageSpec
    /// Where people say they live.
    public let places: Places
    public let lexicon: Lexicon
    /// Word forms generated from the vocabulary ("droop" → "drooping", "drooped", "droops", …) and the
    /// irregular forms, to base: one look-up per typed word. Built from the same endings `Lexicon` strips,
    /// and tested against it.
    let formTable: [String: String]

    /// A compiled pattern element: words, prefixes and concepts by number.
    indirect enum Element: Sendable {
        case word(Int32)
        case prefix(Int32)
        case concept(Int32)
        case choice([[Element]])
        case optional(Element)
        case gap(Int)
    }

    struct Compiled: Sendable {
        var elements: [Element]
        var origin: Origin
        var text: String
    }

    /// Every base word the rules name, by number (typed words are looked up here once per line).
    let wordIDs: [String: Int32]
    /// Every vocabulary word and every form of one, to its base's number: one look-up per typed word
    /// (built from `wordIDs` and `formTable`, so it says what `base(of:)` says for them).
    let known: WordTable
    /// Base words by number.
    let baseWords: [String]
    /// Every prefix the rules name (`wheez*`), by number, and grouped by length for looking typed words up.
    let prefixIDs: [String: Int32]
    let prefixLengths: [Int]
    /// The prefixes by the hash of their scalars (`Lexicon.hash`), for finding them in typed words
    /// without building a string per length.
    let prefixHashes: [UInt64: [(String, Int32)]]

    /// Concepts by number: each a list of alternatives.
    let concepts: [[Compiled]]
    let conceptNames: [String]
    let conceptIndex: [String: Int]
    /// The free-text reader's concepts by number.
    let textConcepts: TextConcepts
    /// The answer readers' concepts by number.
    let answerConcepts: AnswerConcepts

    /// What a compiled rule is for.
    enum Purpose: Sendable, Hashable {
        case alarm(flag: Int)
        case check(flag: Int)
        case trigger(ContextKind, TriggerDirection)
        case terminator
        /// A fixed phrase inside which no clause starts ("anything but", "all but").
        case nonBoundary
    }

    let rules: [Compiled]
    let purposes: [Purpose]
    /// Every word and prefix a red-flag rule can match (through its concepts), by rule number; empty for
    /// triggers and terminators. A negation inside a finding that is none of these stands in a gap.
    let ruleVocabulary: [(words: Set<Int32>, prefixes: Set<Int32>)]
    /// The rules and concepts as flat instructions (what `Matcher` runs).
    let program: Program
    /// Rule numbers by a word (number) or prefix (number) that can start them, one index per kind of
    /// rule: red flags are looked for first, and triggers and terminators only when one is found.
    let flagStarts: StartIndex
    let triggerStarts: StartIndex
    let terminatorStarts: StartIndex
    let nonBoundaryStarts: StartIndex

    struct StartIndex: Sendable {
        var byWord: PostingLists
        var byPrefix: PostingLists
        /// Every rule of the index's kind, in order.
        var all: [Int32]
    }

    /// For each rule, its required parts (up to three, the smallest): a line must hold a word or prefix
    /// of each for the rule to match, so a line without them is not matched against the rule at all.
    let anchors: AnchorTable
    /// For each concept, its anchors.
    let conceptAnchors: AnchorTable
    /// The prefixes (by number) each base word (by number) starts with, from `prefixHits`.
    let prefixesOfWord: PostingLists
    /// Each concept's phrases by the words they can start with.
    let phraseStarts: PhraseStarts

    public init(_ spec: LanguageSpec) {
        self.spec = spec
        places = Places(names: spec.placeNames, ambiguous: spec.ambiguousPlaces, countries: spec.countries)
        // One base form per word: a vocabulary word that is a form of another ("drooping" beside
        // "droop") stands for it, in the rules and in typed text alike.
        let written = spec.vocabulary
        let plain = Lexicon(vocabulary: written, forms: spec.forms, protected: [], notForms: spec.notForms)
        var canonical: [String: String] = [:]
        for word in written {
            if let base = spec.forms[word] { canonical[word] = base } else if let base = plain.stripped(word), base != word { canonical[word] = base }
        }
        let vocabulary = Set(written.filter { canonical[$0] == nil })
        var forms = spec.forms
        for (word, base) in canonical { forms[word] = base }
        lexicon = Lexicon(vocabulary: vocabulary, forms: forms, protected: spec.protected, notForms: spec.notForms)
        formTable = Self.makeFormTable(vocabulary: vocabulary, forms: forms, notForms: spec.notForms)
        let formTable = self.formTable
        func base(_ w: String) -> String { vocabulary.contains(w) ? w : formTable[w] ?? w }

        var wordIDs: [String: Int32] = [:]
        for w in vocabulary.union(formTable.values).sorted() { wordIDs[w] = Int32(wordIDs.count) }
        var prefixIDs: [String: Int32] = [:]
        func wordID(_ w: String) -> Int32 {
            if let id = wordIDs[w] { return id }
            let id = Int32(wordIDs.count)
            wordIDs[w] = id
            return id
        }
        func prefixID(_ p: String) -> Int32 {
            if let id = prefixIDs[p] { return id }
            let id = Int32(prefixIDs.count)
            prefixIDs[p] = id
            return id
        }

        let names = spec.concepts.keys.sorted()
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() { index[name] = i }
        conceptNames = names
        conceptIndex = index
        textConcepts = TextConcepts(index)
        answerConcepts = AnswerConcepts(index) { spec.concepts[$0]?.first?.origin.description ?? "" }
        func compile(_ element: Pattern.Element) -> Element {
            switch element {
            case .word(let w): return .word(wordID(base(w)))
            case .prefix(let p): return .prefix(prefixID(p))
            case .concept(let name): return .concept(Int32(index[name] ?? -1))
            case .choice(let alternatives): return .choice(alternatives.map { $0.map(compile) })
            case .optional(let inner): return .optional(compile(inner))
            case .gap(let n): return .gap(n)
            }
        }
        func compile(_ rule: Rule) -> Compiled {
            Compiled(elements: rule.pattern.elements.map(compile), origin: rule.origin, text: rule.pattern.text)
        }
        let concepts = names.map { name in (spec.concepts[name] ?? []).map(compile) }
        self.concepts = concepts

        var rules: [Compiled] = []
        var purposes: [Purpose] = []
        for (i, flag) in spec.redFlags.enumerated() {
            for rule in flag.alarm {
                rules.append(compile(rule))
                purposes.append(.alarm(flag: i))
            }
            for rule in flag.check {
                rules.append(compile(rule))
                purposes.append(.check(flag: i))
            }
        }
        for trigger in spec.triggers {
            rules.append(compile(trigger.rule))
            purposes.append(.trigger(trigger.kind, trigger.direction))
        }
        for rule in spec.terminators {
            rules.append(compile(rule))
            purposes.append(.terminator)
        }
        for rule in spec.nonBoundaries {
            rules.append(compile(rule))
            purposes.append(.nonBoundary)
        }
        self.rules = rules
        self.purposes = purposes
        ruleVocabulary = rules.indices.map { i in
            switch purposes[i] {
            case .alarm, .check:
                var seen = Set<Int32>()
                return Self.vocabulary(rules[i].elements, concepts: concepts, seen: &seen)
            default: return ([], [])
            }
        }
        self.wordIDs = wordIDs
        var known = wordIDs
        for (form, base) in formTable { if let id = wordIDs[base] { known[form] = id } }
        self.known = WordTable(known.mapValues { Int($0) })
        var baseWords = [String](repeating: "", count: wordIDs.count)
        for (w, id) in wordIDs { baseWords[Int(id)] = w }
        self.baseWords = baseWords
        self.prefixIDs = prefixIDs
        prefixLengths = Set(prefixIDs.keys.map { $0.unicodeScalars.count }).sorted()
        var prefixHashes: [UInt64: [(String, Int32)]] = [:]
        for (prefix, id) in prefixIDs { prefixHashes[Lexicon.hash(prefix.unicodeScalars.map(\.value)), default: []].append((prefix, id)) }
        self.prefixHashes = prefixHashes

        // Rules by a word or prefix they can start with, one index per kind of rule.
        var byWord: [[(key: Int32, value: Int32)]] = [[], [], [], []]
        var byPrefix: [[(key: Int32, value: Int32)]] = [[], [], [], []]
        for (i, rule) in rules.enumerated() {
            var seen = Set<Int32>()
            let starts = Self.starts(rule.elements, concepts: concepts, seen: &seen)
            let kind: Int
            switch purposes[i] {
            case .alarm, .check: kind = 0
            case .trigger: kind = 1
            case .terminator: kind = 2
            case .nonBoundary: kind = 3
            }
            for w in starts.words.sorted() { byWord[kind].append((w, Int32(i))) }
            for p in starts.prefixes.sorted() { byPrefix[kind].append((p, Int32(i))) }
        }
        var all: [[Int32]] = [[], [], [], []]
        for (i, purpose) in purposes.enumerated() {
            switch purpose {
            case .alarm, .check: all[0].append(Int32(i))
            case .trigger: all[1].append(Int32(i))
            case .terminator: all[2].append(Int32(i))
            case .nonBoundary: all[3].append(Int32(i))
            }
        }
        let indexes = (0..<4).map {
            StartIndex(
                byWord: PostingLists(count: wordIDs.count, pairs: byWord[$0]),
                byPrefix: PostingLists(count: prefixIDs.count, pairs: byPrefix[$0]), all: all[$0])
        }
        flagStarts = indexes[0]
        triggerStarts = indexes[1]
        terminatorStarts = indexes[2]
        nonBoundaryStarts = indexes[3]
        let memo = RequiredMemo()
        anchors = AnchorTable(rules.map { Self.requiredParts($0.elements, concepts: concepts, memo: memo) })
        program = Program(rules: rules.map(\.elements), concepts: concepts.map { $0.map(\.elements) })
        conceptAnchors = AnchorTable(concepts.indices.map { Self.requiredParts([.concept(Int32($0))], concepts: concepts, memo: memo) })
        var prefixPairs: [(key: Int32, value: Int32)] = []
        if !prefixIDs.isEmpty {
            for (id, word) in baseWords.enumerated() {
                for p in Self.prefixHits(word, lengths: prefixLengths, hashes: prefixHashes) { prefixPairs.append((Int32(id), p)) }
            }
        }
        prefixesOfWord = PostingLists(count: baseWords.count, pairs: prefixPairs)
        phraseStarts = PhraseStarts(concepts: concepts)
    }

    /// Up to three required parts of a sequence (the smallest): one of each part's words or prefixes
    /// must occur in a line for the sequence to match.
    static func requiredParts(_ elements: [Element], concepts: [[Compiled]], memo: RequiredMemo) -> [(words: Set<Int32>, prefixes: Set<Int32>)] {
        let parts = elements.compactMap { requiredOf($0, concepts: concepts, memo: memo) }
        return Array(parts.sorted { $0.words.count + $0.prefixes.count < $1.words.count + $1.prefixes.count }.prefix(3))
    }

    /// A concept's required words, worked out once per concept while a language is built (a concept is
    /// named by many rules); `inProgress` turns a cycle into "no anchor".
    final class RequiredMemo {
        var known: [Int32: (words: Set<Int32>, prefixes: Set<Int32>)?] = [:]
        var inProgress: Set<Int32> = []
    }

    /// The smallest set of words (and prefixes) of which one must occur for `elements` to match, or nil
    /// when no required part gives one.
    static func required(_ elements: [Element], concepts: [[Compiled]], memo: RequiredMemo) -> (words: Set<Int32>, prefixes: Set<Int32>)? {
        var best: (words: Set<Int32>, prefixes: Set<Int32>)?
        for element in elements {
            guard let set = requiredOf(element, concepts: concepts, memo: memo) else { continue }
            if best == nil || set.words.count + set.prefixes.count < best!.words.count + best!.prefixes.count { best = set }
        }
        return best
    }

    static func requiredOf(_ element: Element, concepts: [[Compiled]], memo: RequiredMemo) -> (words: Set<Int32>, prefixes: Set<Int32>)? {
        switch element {
        case .word(let w): return ([w], [])
        case .prefix(let p): return ([], [p])
        case .gap, .optional: return nil
        case .choice(let alternatives):
            return union(alternatives.map { required($0, concepts: concepts, memo: memo) })
        case .concept(let c):
            guard c >= 0, Int(c) < concepts.count else { return nil }
            if let known = memo.known[c] { return known }
            guard memo.inProgress.insert(c).inserted else { return nil }
            let found = union(concepts[Int(c)].map { required($0.elements, concepts: concepts, memo: memo) })
            memo.inProgress.remove(c)
            memo.known[c] = found
            return found
        }
    }

    /// One of several alternatives must match: its anchors are the union of theirs (none if any has none).
    private static func union(_ sets: [(words: Set<Int32>, prefixes: Set<Int32>)?]) -> (words: Set<Int32>, prefixes: Set<Int32>)? {
        var words = Set<Int32>()
        var prefixes = Set<Int32>()
        for set in sets {
            guard let set else { return nil }
            words.formUnion(set.words)
            prefixes.formUnion(set.prefixes)
        }
        return (words, prefixes)
    }

    /// The words and prefixes a sequence can start with.
    /// Every word and prefix a sequence can match, through its concepts.
    static func vocabulary(_ elements: [Element], concepts: [[Compiled]], seen: inout Set<Int32>) -> (words: Set<Int32>, prefixes: Set<Int32>) {
        var words = Set<Int32>()
        var prefixes = Set<Int32>()
        func walk(_ e: Element) {
            switch e {
            case .word(let w): words.insert(w)
            case .prefix(let p): prefixes.insert(p)
            case .gap: break
            case .optional(let inner): walk(inner)
            case .choice(let alternatives): alternatives.forEach { $0.forEach(walk) }
            case .concept(let c):
                guard c >= 0, Int(c) < concepts.count, seen.insert(c).inserted else { return }
                for phrase in concepts[Int(c)] { phrase.elements.forEach(walk) }
            }
        }
        elements.forEach(walk)
        return (words, prefixes)
    }

    static func starts(_ elements: [Element], concepts: [[Compiled]], seen: inout Set<Int32>) -> (words: Set<Int32>, prefixes: Set<Int32>) {
        var words = Set<Int32>()
        var prefixes = Set<Int32>()
        for element in elements {
            let (w, p, canBeEmpty) = startsOfElement(element, concepts: concepts, seen: &seen)
            words.formUnion(w)
            prefixes.formUnion(p)
            if !canBeEmpty { break }
        }
        return (words, prefixes)
    }

    private static func startsOfElement(_ element: Element, concepts: [[Compiled]], seen: inout Set<Int32>)
        -> (Set<Int32>, Set<Int32>, Bool)
    {
        switch element {
        case .word(let w): return ([w], [], false)
        case .prefix(let p): return ([], [p], false)
        case .gap: return ([], [], true)
        case .optional(let inner):
            let (w, p, _) = startsOfElement(inner, concepts: concepts, seen: &seen)
            return (w, p, true)
        case .choice(let alternatives):
            var words = Set<Int32>()
            var prefixes = Set<Int32>()
            var empty = false
            for alternative in alternatives {
                let s = starts(alternative, concepts: concepts, seen: &seen)
                words.formUnion(s.words)
                prefixes.formUnion(s.prefixes)
                if canBeEmpty(alternative) { empty = true }
            }
            return (words, prefixes, empty)
        case .concept(let c):
            guard c >= 0, Int(c) < concepts.count, seen.insert(c).inserted else { return ([], [], false) }
            var words = Set<Int32>()
            var prefixes = Set<Int32>()
            var empty = false
            for phrase in concepts[Int(c)] {
                let s = starts(phrase.elements, concepts: concepts, seen: &seen)
                words.formUnion(s.words)
                prefixes.formUnion(s.prefixes)
                if canBeEmpty(phrase.elements) { empty = true }
            }
            seen.remove(c)
            return (words, prefixes, empty)
        }
    }

    /// Whether a sequence may start at any word: a gap before the first word it needs, or nothing it
    /// needs at all (then `starts` cannot say where it starts).
    static func startsAnywhere(_ elements: [Element], concepts: [[Compiled]], seen: inout Set<Int32>) -> Bool {
        for element in elements {
            switch element {
            case .gap: return true
            case .word, .prefix: return false
            case .optional(let inner):
                if startsAnywhere([inner], concepts: concepts, seen: &seen) { return true }
            case .choice(let alternatives):
                for alternative in alternatives where startsAnywhere(alternative, concepts: concepts, seen: &seen) { return true }
                if !alternatives.contains(where: canBeEmpty) { return false }
            case .concept(let c):
                guard c >= 0, Int(c) < concepts.count, seen.insert(c).inserted else { return false }
                defer { seen.remove(c) }
                let phrases = concepts[Int(c)]
                for phrase in phrases where startsAnywhere(phrase.elements, concepts: concepts, seen: &seen) { return true }
                if !phrases.contains(where: { canBeEmpty($0.elements) }) { return false }
            }
        }
        return true
    }

    private static func canBeEmpty(_ elements: [Element]) -> Bool {
        elements.allSatisfy {
            switch $0 {
            case .optional, .gap: return true
            default: return false
            }
        }
    }

    // MARK: - Word forms

    /// The base form of each inflected form of each vocabulary word, and the irregular forms.
    static func makeFormTable(vocabulary: Set<String>, forms: [String: String], notForms: Set<String> = []) -> [String: String] {
        var table: [String: String] = [:]
        for word in vocabulary.sorted() where word.unicodeScalars.count >= 3 && !Lexicon.isDigits(word) {
            // Where two words make the same form ("com" and "come" both make "coming"), the longer one
            // is its base: the shorter one only makes it by adding an ending to a word that lost an "e".
            // A word of its own ("every") is never made a form of another ("ever").
            for form in inflections(of: word) where !vocabulary.contains(form) && !notForms.contains(form) {
                if let other = table[form], other.unicodeScalars.count >= word.unicodeScalars.count { continue }
                table[form] = word
            }
        }
        for (form, base) in forms { table[form] = base }
        // A gerund with "'s" ("my breathing's got worse", "the bleeding's stopped") is the gerund.
        for (form, base) in table where form.hasSuffix("ing") {
            let s = form + "s"
            if table[s] == nil && !vocabulary.contains(s) && !notForms.contains(s) { table[s] = base }
        }
        return table
    }

    /// The regular forms of a word: the endings `Lexicon.endings` takes off, put on.
    static func inflections(of word: String) -> [String] {
        var out: [String] = []
        let scalars = Array(word.unicodeScalars)
        let last = scalars.last.map { Character($0) }
        for (suffix, replacements) in Lexicon.endings {
            // Short words take endings as they are ("cut" → "cuts"), never in place of a letter: "nee" is
            // not the base of "need".
            for replacement in replacements where replacement.isEmpty || scalars.count >= 4 {
                if replacement.isEmpty {
                    out.append(word + suffix)
                } else if word.hasSuffix(replacement) {
                    out.append(String(word.dropLast(replacement.count)) + suffix)
                }
            }
            // A doubled final consonant before -ing, -ed, -er, -est, -y ("slur" → "slurring").
            if let last, "bdgklmnprtz".contains(last), suffix.first == "i" || suffix.first == "e" || suffix == "y",
                scalars.count >= 3, "aeiou".contains(Character(scalars[scalars.count - 2]))
            {
                out.append(word + String(last) + suffix)
            }
        }
        return out
    }

    // MARK: - Reading a line

    /// The base form of a typed word: the form table, then the lexicon's typo policy.
    public func base(of word: String) -> (String, Lexicon.Reading) {
        if lexicon.vocabulary.contains(word) { return (word, .asTyped) }
        if let base = formTable[word] { return (base, .form) }
        if let fixed = lexicon.corrected(word) { return (fixed, .typo) }
        return (word, .asTyped)
    }
}
