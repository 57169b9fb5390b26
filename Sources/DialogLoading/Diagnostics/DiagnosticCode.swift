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
    /// References that could not be checked because a file did not parse (reported once, with the file).
    case uncheckedReferences = "E004"

    // Shape
    /// A key the format does not know (usually a typo).
    case unknownKey = "E010"
    /// A required key is missing (or a key that needs another, like a document item's `else` without `when`).
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
    /// A document item's `source` naming no entry of the sources file (or a folder without one).
    case unknownSource = "E033"

    // Conditions and templates
    /// A condition that does not parse.
    case conditionSyntax = "E040"
    /// A condition that does not type-check (unknown slot, number vs text, non-bool result, `<` or `>=` on a choice slot that is not `ordered`).
    case conditionType = "E041"
    /// A comparison that is never true: a choice value no option has, a number outside the slot's range (or a fraction for a whole-number slot), an empty list, two choice slots with no option in common, an ordered choice compared past its first or last option.
    case impossibleValue = "E042"
    /// A template `{{placeholder}}` naming no slot or phrasing, a phrasing some option lacks, an unknown filter or one that does not fit the slot, or a malformed placeholder.
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
    /// A slot read (condition or template, in any file) on a path where nothing has set or asked it yet; the message gives the path.
    case readBeforeSet = "W064"
    /// A slot read (condition or template) that no path has asked or set yet: it is always unanswered there.
    case readNeverSet = "E066"
    /// A node with no way on: no `next`, `call`, `return`, `pause` or `end`; or conflicting ones.
    case missingContinuation = "E065"

    // Content
    /// A prompt over the plain-language length limits (sentence or whole text).
    case longPrompt = "W070"
    /// A prompt whose reading level (Flesch–Kincaid grade) is above the limit for patients.
    case hardToRead = "W071"
    /// A document item that states a right, deadline, fee, coverage rule or number (one of the sources
    /// file's `needs_source` words) and names no source.
    case missingSource = "W072"
    /// The sources file's `next_review` date has passed (checked by `validate`, which knows today's date).
    case reviewOverdue = "W073"

    // Path properties
    /// A path property that does not parse or names unknown nodes.
    case invalidProperty = "E080"

    // Language data (Dialogs/language/<lang>/)
    /// A pattern in language data (or a keyword naming a concept) that does not parse.
    case patternSyntax = "E090"
    /// A pattern or keyword naming a concept (`@name`) that no language file declares.
    case unknownConcept = "E091"
    /// A concept that contains itself through the concepts it names.
    case conceptCycle = "E092"
    /// An interrupt naming a red flag that the language data does not declare.
    case unknownRedFlag = "E093"
    /// A red-flag interrupt's example line that does not raise its red flag.
    case redFlagExample = "E094"
    /// A command phrase (language data `commands`) that is empty, has FILE anywhere but last or on a command that takes no file, or is given twice.
    case commandPhrase = "E097"

    // Messages (the folder's messages.json)
    /// A message key the program does not use (usually a typo), or a `{part}` the message cannot fill in.
    case unknownMessage = "E095"
    /// A messages file that leaves out keys: the program says the shipped English for them.
    case missingMessage = "W096"

    public var severity: Severity { rawValue.hasPrefix("W") ? .warning : .error }

    /// The hint a diagnostic of this code carries when the place that reports it has no better one,
    /// so every diagnostic says what to do.
    public var defaultHint: String {
        switch self {
        case .malformedJSON: return "JSON needs double-quoted keys and strings, ',' between members and no ',' after the last"
        case .duplicateKey: return "keep one of them"
        case .limitExceeded: return "split the file into several dialogs, or close brackets that are never closed"
        case .uncheckedReferences: return "fix the error above; every reference is checked once the file parses"
        case .unknownKey: return "remove it, or check its spelling against the authoring guide"
        case .missingKey: return "add the missing key"
        case .wrongType: return "the authoring guide's tables give the type each key takes"
        case .invalidValue: return "the authoring guide's tables give the values each key allows"
        case .duplicateDialog: return "give each file its own dialog id"
        case .duplicateDeclaration: return "rename one of them: these ids are global across files"
        case .danglingReference: return "name a node of this dialog, a 'dialog.node', or a dialog id"
        case .unknownSlot: return "declare it under \"slots\" in a dialog file"
        case .unknownDocument: return "declare it under \"documents\" in a dialog file"
        case .unknownSource: return "add the key under \"sources\" in sources.json, with a title and an address"
        case .missingSource: return "add \"source\": a key of sources.json, to the item"
        case .reviewOverdue: return "review the content and its sources, then move \"next_review\" on"
        case .conditionSyntax: return "write conditions like: country == 'uk' and not answered(plan)"
        case .conditionTooDeep: return "split the condition, or name parts of it as slots set earlier"
        case .conditionType: return "compare a slot with a value of its type, e.g. age >= 65 or country == 'uk'"
        case .impossibleValue: return "compare with one of the slot's option values, or a number inside its range"
        case .templateSlot: return "write {{slot}} or {{slot|fallback}} with a declared slot"
        case .valueTypeMismatch: return "use a value of the slot's type"
        case .documentCondition: return "name a declared slot in the item's \"when\""
        case .missingReprompt: return "add \"reprompt\": what to say when an answer cannot be used, naming what is accepted"
        case .unboundedAttempts: return "add \"attempts\": 3"
        case .overlappingSynonyms: return "keep the word on one option only"
        case .invalidMap: return "map from a text, yes/no or choice question to a choice or multi slot, using its option values"
        case .unreachableNode: return "link to it with \"next\" or \"goto\", or delete it"
        case .noPathToEnd: return "give the loop a way out to a node with \"end\": true or \"return\": true"
        case .inputlessLoop: return "put a question in the loop, or route one edge out of it"
        case .shadowedEdge: return "move the edge without \"if\" to the end of the list"
        case .readBeforeSet: return "ask it earlier on every path, guard with answered(…), or give a template fallback {{slot|…}}"
        case .readNeverSet: return "ask it on the way to the read, guard with answered(…), or give a template fallback {{slot|…}}"
        case .missingContinuation: return "keep exactly one of: \"next\", \"call\" with \"next\", \"return\", \"pause\" or \"end\""
        case .longPrompt: return "split it into shorter sentences"
        case .hardToRead: return "use shorter sentences and everyday words"
        case .invalidProperty: return "see Properties in the authoring guide: kinds before, never and always_reaches"
        case .patternSyntax: return "patterns hold words, prefix*, @concepts, [a | b] choices, optional? parts and ~N gaps"
        case .unknownConcept: return "declare it under \"concepts\" in a file of the language folder"
        case .conceptCycle: return "a concept may name other concepts, but none of them may lead back to it"
        case .unknownRedFlag: return "name a red flag declared under \"redflags\" in the language folder"
        case .redFlagExample: return "run second-opinion understand on the example to see what it reads"
        case .commandPhrase: return "give each command its own phrases, the words a person types, with FILE last where it takes a file"
        case .unknownMessage: return "the authoring guide lists every message key and the parts each may use"
        case .missingMessage: return "add the keys, in the folder's language; second-opinion new writes a complete messages.json"
        }
    }
}
