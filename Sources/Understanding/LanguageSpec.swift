/// Where a rule was written: a file and a line, for explaining a decision ("redflags.json:40").
public struct Origin: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line)" }

    public static let none = Origin(file: "", line: 0)
}

/// A pattern with where it was written.
public struct Rule: Sendable, Hashable {
    public var pattern: Pattern
    public var origin: Origin

    public init(_ pattern: Pattern, origin: Origin) {
        self.pattern = pattern
        self.origin = origin
    }
}

/// The kinds of context a finding can be in (after ConText: Harkema, Dowling, Thornblade and Chapman,
/// J Biomed Inform 2009).
public enum ContextKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// "no chest pain", "not thinking of hurting myself", "ruled out".
    case negated
    /// "back in 2019", "years ago", "history of", "my mum died of".
    case historical
    /// "could lead to", "what if", "the leaflet says", "I'm scared it might".
    case hypothetical
    /// Phrases that look like a finding and are not one: "the death of me", "my heart sank". A finding
    /// inside one is dropped.
    case figurative
    /// Phrases that look like a trigger and are not one: "not only", "no doubt". A trigger inside one
    /// is ignored.
    case pseudo
    /// "for months", "on and off", "comes and goes": the finding may be old news; ask before alarming.
    case ongoing
    /// "right now", "just started", "tonight": the finding is happening now, whatever else the
    /// sentence says.
    case current
    /// "now", "suddenly", "out of nowhere": it started suddenly or is happening now, unless a past time
    /// is given ("a sudden bleed two years ago", "he's fine now").
    case sudden
    /// "not sure if it was a fit", "can't remember when", "I might have taken": whether or when it
    /// happened is unclear; ask before alarming.
    case uncertain
    /// "years ago", "last year", "in 2019", "as a child": a time long past. In its own clause it is
    /// historical; it also dates a finding in the next clause that says it lasts ("and now", "still"):
    /// "he had a stroke last year and now he can't speak properly" is what the stroke left.
    case remote
    /// "and now", "still", "since then", "these days": a finding that lasts from what the clause
    /// before dated long ago (`remote`). Alone it does nothing.
    case aftermath
    /// "having another one", "done it again": what an earlier clause called past is happening again.
    /// With a time of now in its clause ("right now", "now") the earlier finding alarms; without one,
    /// asks "is it happening now?". Alone it does nothing.
    case again
    /// "that was years ago", "but that's years behind me", "that was 2021": a later clause that dates
    /// what came before it long ago. A finding in an earlier clause with no time of now of its own is
    /// historical.
    case dated
    /// "this started 10 mins ago", "it all began this morning": a later clause that dates what came
    /// before to now. A finding in an earlier clause with nothing of its own that holds it back alarms.
    case started
    /// "and", "or", "and then" opening a clause: a finding there shares a supposition of the clause
    /// before ("what if they miss something | and i have a heart attack"), unless its own clause says
    /// now. Alone it does nothing.
    case joined

    public static func < (a: ContextKind, b: ContextKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which side of a finding a trigger stands on.
public enum TriggerDirection: String, Sendable, Hashable {
    /// The trigger comes first: "no | chest pain".
    case before
    /// The trigger comes after: "chest pain | is gone".
    case after
    /// Anywhere in the clause: "chest pain on and off | for months".
    case clause
}

/// A context trigger: a pattern, its kind and its direction.
public struct Trigger: Sendable, Hashable {
    public var rule: Rule
    public var kind: ContextKind
    public var direction: TriggerDirection

    public init(_ rule: Rule, kind: ContextKind, direction: TriggerDirection) {
        self.rule = rule
        self.kind = kind
        self.direction = direction
    }
}

/// One kind of emergency, as data.
public struct RedFlagSpec: Sendable, Hashable {
    /// The name interrupts refer to ("stroke").
    public var category: String
    public var title: String
    /// Findings that raise the alarm unless their context says otherwise.
    public var alarm: [Rule]
    /// Findings that are an emergency only when happening now ("my arm feels numb"): a check is asked
    /// unless the context says it is happening now.
    public var check: [Rule]
    /// Whether an ongoing alarm finding ("chest pain for months") is checked first instead of alarmed.
    public var checkWhenOngoing: Bool
    /// Whether its patterns may match across clauses within one sentence: signs that together make
    /// the emergency but are often told one clause at a time ("a fever of 39, and he's shaking all
    /// over").
    public var acrossClauses: Bool = false
    public var origin: Origin

    public init(
        category: String, title: String, alarm: [Rule], check: [Rule], checkWhenOngoing: Bool, origin: Origin
    ) {
        self.category = category
        self.title = title
        self.alarm = alarm
        self.check = check
        self.checkWhenOngoing = checkWhenOngoing
        self.origin = origin
    }
}

/// Everything a language folder says, as read by the loader: the input `Language` is built from.
public struct LanguageSpec: Sendable {
    /// Irregular and variant word forms → base form.
    public var forms: [String: String] = [:]
    /// Real words never corrected as typos.
    public var protected: Set<String> = []
    /// Words that are words of their own, never read as a regular form of another ("every" is not
    /// "ever" + "y", "his" not "hi" + "s", "forearm" not a slip for "firearm").
    public var notForms: Set<String> = []
    /// Words that, after a comma, start a new clause ("no fever, my arm is numb").
    public var clauseStarters: Set<String> = []
    /// Words and phrases that end a trigger's reach ("but", "however").
    public var terminators: [Rule] = []
    /// Fixed phrases inside which neither a terminator nor a clause starter starts a new clause
    /// ("anything but", "all but", "anything other than").
    public var nonBoundaries: [Rule] = []
    /// Named sets of phrases.
    public var concepts: [String: [Rule]] = [:]
    /// Where each concept was declared.
    public var conceptOrigins: [String: Origin] = [:]
    public var triggers: [Trigger] = []
    /// How many words may stand between a trigger and its finding, by kind (default `defaultWindow`).
    public var windows: [ContextKind: Int] = [:]
    public var redFlags: [RedFlagSpec] = []
    /// Named word lists (yes words, fillers …), each word with its origin.
    public var lists: [String: [String]] = [:]
    /// How people name each country (names and places), by country code.
    public var placeNames: [String: [String]] = [:]
    /// Names shared by several countries.
    public var ambiguousPlaces: [String: [String]] = [:]
    /// Each country's group and numbers.
    public var countries: [String: Country] = [:]
    /// Number words and time units.
    public var quantities = Quantities()

    public static let defaultWindow = 6

    public init() {}

    /// Every word the data names, in base form: the vocabulary typos are corrected towards.
    public var vocabulary: Set<String> {
        var words = Set<String>()
        func add(_ rule: Rule) { words.formUnion(rule.pattern.words) }
        concepts.values.forEach { $0.forEach(add) }
        triggers.forEach { add($0.rule) }
        terminators.forEach(add)
        nonBoundaries.forEach(add)
        for flag in redFlags {
            flag.alarm.forEach(add)
            flag.check.forEach(add)
        }
        words.formUnion(forms.values)
        return words
    }
}
