/// The catalogue of diagnostic codes. Codes are stable: tools and docs refer to them.
///
/// `E…` codes are errors (the dialog set cannot run); `W…` codes are warnings (it runs, but an
/// author should look). `docs/authoring.md` shows a broken example and the message for each.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // JSON syntax and limits
    /// Malformed JSON: unexpected character, trailing comma, truncated file, bad escape, invalid UTF-8.
    case malformedJSON = "E001"
    /// The same key twice in one object (JSON decoders silently keep one; we refuse).
    case duplicateKey = "E002"
    /// A file over the size limit or nested deeper than the depth limit.
    case limitExceeded = "E003"

    // Shape
    /// A key the format does not know (usually a typo).
    case unknownKey = "E010"
    /// A required key is missing.
    case missingKey = "E011"
    /// A value of the wrong JSON type.
    case wrongType = "E012"
    /// A value of the right type but not allowed (empty id, bad range, attempts out of bounds …).
    case invalidValue = "E013"

    // Identity
    /// Two files declare the same dialog id.
    case duplicateDialog = "E020"
    /// Two dialogs declare the same slot, interrupt, document or property id.
    case duplicateDeclaration = "E021"

    // References
    /// A `goto`, `next`, `call`, `start` or interrupt target that names no node or dialog.
    case danglingReference = "E030"
    /// A slot name (in `ask`, `set`, `map`) that no dialog declares.
    case unknownSlot = "E031"
    /// A `documents` entry naming no declared document.
    case unknownDocument = "E032"

    // Conditions and templates
    /// A condition that does not parse.
    case conditionSyntax = "E040"
    /// A condition that does not type-check (unknown slot, number vs text, non-bool result).
    case conditionType = "E041"
    /// Comparing a choice slot to a value none of its options has.
    case impossibleValue = "E042"
    /// A template `{{placeholder}}` naming no slot, or a malformed placeholder.
    case templateSlot = "E043"
    /// A `set` or `default` value that does not fit the slot's type.
    case valueTypeMismatch = "E044"
    /// A document item's `when` names an unknown slot.
    case documentCondition = "E045"
    /// A condition nested too deeply (parentheses, `not`, long `and`/`or` chains): more than 64 levels.
    case conditionTooDeep = "E046"

    // Questions
    /// An `ask` without re-prompt text.
    case missingReprompt = "E050"
    /// An `ask` without a bounded number of attempts.
    case unboundedAttempts = "E051"
    /// Two options of one slot share a label or synonym, so an answer could select either.
    case overlappingSynonyms = "E052"
    /// A keyword `map` that targets a slot or value it cannot set.
    case invalidMap = "E053"

    // Graph
    /// A node that no path from the start reaches.
    case unreachableNode = "W060"
    /// A node from which no path reaches an end.
    case noPathToEnd = "E061"
    /// A cycle that asks nothing: it would spin forever.
    case inputlessLoop = "E062"
    /// A routing edge after an unconditional edge: it can never be taken.
    case shadowedEdge = "E063"
    /// A slot read (condition or template) on a path where nothing has set or asked it yet.
    case readBeforeSet = "W064"
    /// A node with no way on: no `next`, `call`, `return` or `end`; or conflicting ones.
    case missingContinuation = "E065"

    // Content
    /// A prompt over the plain-language length limits (sentence or whole text).
    case longPrompt = "W070"
    /// A prompt whose reading level (Flesch–Kincaid grade) is above the limit for patients.
    case hardToRead = "W071"

    // Path properties
    /// A path property that does not parse or names unknown nodes.
    case invalidProperty = "E080"

    public var severity: Severity { rawValue.hasPrefix("W") ? .warning : .error }
}
