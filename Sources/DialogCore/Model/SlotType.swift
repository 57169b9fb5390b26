/// One option of a `choice` or `multi` slot.
public struct Option: Hashable, Sendable {
    /// Stable id used in conditions and stored in state, e.g. `"us"`.
    public var value: String
    /// What the person sees, e.g. `"United States"`.
    public var label: String
    /// Other words that select this option, e.g. `["usa", "america"]`.
    public var synonyms: [String]
    /// Named phrasings (`"as": {"request": "renew my prescription"}`), shown by `{{slot.request}}`.
    public var phrasings: [String: String]

    public init(value: String, label: String, synonyms: [String] = [], phrasings: [String: String] = [:]) {
        self.value = value
        self.label = label
        self.synonyms = synonyms
        self.phrasings = phrasings
    }

    /// The concepts of the language data this option's synonyms name (`"@uk_private"`): any phrase of them
    /// selects it.
    public var concepts: [String] { synonyms.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) } }
}

/// The type of a slot, which is also the kind of answer its question takes.
public enum SlotType: Hashable, Sendable {
    /// yes / no
    case bool
    /// A number, optionally bounded and whole.
    case number(min: Double?, max: Double?, integer: Bool)
    /// Free text, stored as the person typed it (cleaned of control characters).
    case text
    /// Exactly one of the options.
    case choice([Option])
    /// Any number of the options.
    case multi([Option])

    /// The options of a `choice` or `multi` slot; empty otherwise.
    public var options: [Option] {
        switch self {
        case .choice(let o), .multi(let o): return o
        default: return []
        }
    }

    /// Short name used in messages: `bool`, `number`, `text`, `choice`, `multi`.
    public var name: String {
        switch self {
        case .bool: return "bool"
        case .number: return "number"
        case .text: return "text"
        case .choice: return "choice"
        case .multi: return "multi"
        }
    }
}

/// A declared slot: a named piece of what the person told us.
public struct SlotDefinition: Hashable, Sendable {
    public var name: String
    public var type: SlotType
    /// Human name for `summary`, e.g. "Where you are treated".
    public var label: String
    public var location: SourceLocation
    /// For number slots: unit words and what one of them is worth in the slot's own unit, e.g.
    /// `["year": 12, "years": 12, "week": 0.25]` on a slot counted in months.
    public var units: [String: Double] = [:]
    /// Whether `summary` lists the slot (false for details the person did not give: a country's numbers).
    public var inSummary = true

    public init(name: String, type: SlotType, label: String, location: SourceLocation) {
        self.name = name
        self.type = type
        self.label = label
        self.location = location
    }
}
