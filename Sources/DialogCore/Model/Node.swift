/// One step of a dialog: `set` → `say` → `documents` → `ask` → exit.
public struct Node: Sendable {
    public var id: NodeID
    /// Where the node's key is in its file.
    public var location: SourceLocation
    public var assignments: [Assignment]
    /// Phrasing variants; one is picked by the seeded generator. Empty when the node says nothing.
    public var say: [Template]
    public var documents: [String]
    public var question: Question?
    public var why: String?
    public var exit: Exit
    /// `pause`: the node returns (`Exit.returns`) and the conversation stops for now: the interrupted
    /// question is asked when the person comes back, not at once, and the step ends with `Output.quit`.
    public var pauses = false

    public init(
        id: NodeID, location: SourceLocation, assignments: [Assignment] = [], say: [Template] = [],
        documents: [String] = [], question: Question? = nil, why: String? = nil, exit: Exit
    ) {
        self.id = id
        self.location = location
        self.assignments = assignments
        self.say = say
        self.documents = documents
        self.question = question
        self.why = why
        self.exit = exit
    }

    /// The edges this node may leave by (for `call`, the edges taken after the callee returns).
    public var edges: [Edge] {
        switch exit {
        case .next(let e), .call(_, let e): return e
        case .returns, .end: return []
        }
    }
}

/// `set`: a slot given a fixed value when the node is entered.
public struct Assignment: Sendable, Hashable {
    public var slot: String
    public var value: Value

    package init(slot: String, value: Value) {
        self.slot = slot
        self.value = value
    }
}

/// How a node moves on.
public enum Exit: Sendable {
    /// Take the first edge whose condition holds.
    case next([Edge])
    /// Run a dialog as a sub-conversation, then take the edges.
    case call(NodeID, then: [Edge])
    /// Go back to the caller or the interrupted question.
    case returns
    /// The conversation is over.
    case end
}

/// One routing edge: `{ "if": condition, "goto": target }`.
public struct Edge: Sendable {
    public var condition: Condition?
    public var target: NodeID
    /// Where the edge (or the `next` string) is in its file.
    public var location: SourceLocation

    package init(condition: Condition?, target: NodeID, location: SourceLocation) {
        self.condition = condition
        self.target = target
        self.location = location
    }
}

/// An `ask`: the question waits for an answer for one slot.
public struct Question: Sendable {
    public var slot: String
    public var reprompt: Template
    public var attempts: Int
    /// Whether "skip" / "not sure" / running out of attempts moves on without an answer.
    public var skippable: Bool
    public var matcher: AnswerMatcher
    public var map: KeywordMap?
    public var location: SourceLocation
    /// The answer names a place: the country is looked up in the language data's places, its group
    /// (`us`, `uk`, `eu`, `other`) is the choice, and `<slot>.code`, `.name`, `.emergency`, `.crisis` and
    /// `.poison` are set when the dialogs declare them.
    public var place: Bool = false
    /// The answer names a person. A text question keeps them from their title on, and their title and
    /// name ("Dr. Feldman" of "Dr. Feldman at Banner urology") also go to `<slot>.name` when the dialogs
    /// declare it, for a letter's greeting; a yes/no question keeps the name a yes gives ("my sister
    /// Luciana") in `<slot>.name`.
    public var person: Bool = false
    /// What a yes and a no sound like for this question: concepts of the language data, without `@`.
    /// On a text question, `no` names what "none" sounds like ("no", "nothing new"): nothing is kept.
    public var yes: [String] = []
    public var no: [String] = []

    package init(
        slot: String, reprompt: Template, attempts: Int, skippable: Bool, matcher: AnswerMatcher, map: KeywordMap?,
        location: SourceLocation, place: Bool = false, person: Bool = false, yes: [String] = [], no: [String] = []
    ) {
        self.slot = slot
        self.reprompt = reprompt
        self.attempts = attempts
        self.skippable = skippable
        self.matcher = matcher
        self.map = map
        self.location = location
        self.place = place
        self.person = person
        self.yes = yes
        self.no = no
    }
}

/// Keyword rules that derive a choice or multi slot from free text.
public struct KeywordMap: Sendable {
    public struct Rule: Sendable {
        public var value: String
        public var matcher: PhraseMatcher

        package init(value: String, matcher: PhraseMatcher) {
            self.value = value
            self.matcher = matcher
        }
    }
    public var slot: String
    public var rules: [Rule]
    public var defaultValue: String?
    /// True when the target is a `multi` slot (all matching rules contribute).
    public var isMulti: Bool
    /// `"in": "answer"`: the keywords are read in the answer the question keeps (a free-text value
    /// without its asides), not in the whole line typed. ("Dr Nguyen, the pediatrician at SickKids
    /// clinic" keeps "Dr Nguyen": a rule for a clinic named with the doctor must not match it.)
    public var inAnswer: Bool = false

    package init(slot: String, rules: [Rule], defaultValue: String?, isMulti: Bool, inAnswer: Bool = false) {
        self.slot = slot
        self.rules = rules
        self.defaultValue = defaultValue
        self.isMulti = isMulti
        self.inAnswer = inAnswer
    }

    /// The value derived from an answer's tokens, or nil when nothing applies.
    public func value(for tokens: [String]) -> Value? {
        let input = PhraseMatcher.Input(tokens: tokens)
        if isMulti { return value(matching: rules.indices.filter { rules[$0].matcher.matches(input) }) }
        return value(matching: rules.firstIndex { $0.matcher.matches(input) }.map { [$0] } ?? [])
    }

    /// The value derived from the rules that match, given as ascending rule positions (for a choice
    /// slot, the first matching rule is enough).
    func value(matching matched: [Int]) -> Value? {
        if isMulti {
            var values = matched.map { rules[$0].value }
            if values.isEmpty, let d = defaultValue { values = [d] }
            return .set(values)
        }
        if let first = matched.first { return .choice(rules[first].value) }
        return defaultValue.map { .choice($0) }
    }
}
