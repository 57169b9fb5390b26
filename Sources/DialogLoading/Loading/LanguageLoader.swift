import DialogCore
import Understanding

/// Reads a language folder (`Dialogs/language/<lang>/*.json`) into a `LanguageSpec`, with the same
/// file:line:column diagnostics as dialog files.
///
/// Every file may hold any of these keys; lists from several files are merged, and a concept, form or
/// red flag declared twice is an error:
///
/// ```json
/// {
///   "forms": { "went": "go", "mum": "mom" },
///   "protected": ["strike"],
///   "not_forms": ["every", "his"],
///   "clause_starters": ["i", "my", "she"],
///   "terminators": ["but", "however"],
///   "non_boundaries": ["anything but", "all but"],
///   "concepts": { "face": ["face", "mouth", "smile"] },
///   "context": { "negated": { "before": ["no", "not"], "after": ["ruled out"], "window": 5 } },
///   "redflags": { "stroke": { "title": "Stroke", "alarm": ["@face ~3 @droop"], "check": ["@arm ~2 numb"] } },
///   "lists": { "yes": ["yes", "yeah"] },
///   "commands": { "back": ["back", "go back"], "save": ["save", "save FILE"] }
/// }
/// ```
package enum LanguageLoader {
    /// The folder inside a dialog folder that holds language data.
    package static let folder = "language"
    /// The language used when a dialog folder does not name one.
    package static let defaultLanguage = "en"

    static let topKeys = [
        "$schema", "$comment", "forms", "protected", "not_forms", "clause_starters", "terminators", "non_boundaries", "concepts", "context",
        "redflags", "lists", "countries", "reviewed", "ambiguous", "quantities", "commands",
    ]

    /// The folder inside a dialog folder that holds data every language shares (`data/countries.json`).
    package static let dataFolder = "data"

    /// Whether a source file belongs to a language folder (`…/language/<lang>/x.json`) or the data folder
    /// (`…/data/x.json`).
    package static func isLanguageFile(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        return (parts.count >= 3 && parts[parts.count - 3] == Substring(folder))
            || (parts.count >= 2 && parts[parts.count - 2] == Substring(dataFolder))
    }

    /// What a language folder holds, as read: the spec its `Language` is built from, and the command
    /// phrases of its `commands` (nil when no file has that key).
    struct Contents {
        var spec = LanguageSpec()
        var commands: [CommandName: [CommandTable.Phrase]]?
    }

    /// The `commands` read so far: each command's phrases, and where each phrase was first written.
    struct CommandsRead {
        var phrases: [CommandName: [CommandTable.Phrase]] = [:]
        var declared = false
        var firstWritten: [String: (command: CommandName, location: SourceLocation)] = [:]
    }

    /// Reads every language source into one spec, reporting each problem to `sink`.
    static func read(_ sources: [DialogLoader.Source], sink: DiagnosticSink) -> LanguageSpec {
        readContents(sources, sink: sink).spec
    }

    /// Reads every language source into one spec and the command phrases, reporting each problem to `sink`.
    static func readContents(_ sources: [DialogLoader.Source], sink: DiagnosticSink) -> Contents {
        var contents = Contents()
        var commands = CommandsRead()
        var seen: [String: SourceLocation] = [:]
        for source in sources.sorted(by: { $0.name < $1.name }) {
            let parsed = JSONParser.parse(source.bytes, file: source.name, maxDepth: DialogLoader.maxDepth)
            sink.append(contentsOf: parsed.diagnostics)
            guard let root = parsed.root else { continue }
            let reader = Reader(file: source.name, sink: sink)
            reader.read(root, into: &contents.spec, commands: &commands, seen: &seen)
        }
        checkReferences(contents.spec, sink: sink)
        if commands.declared { contents.commands = commands.phrases }
        return contents
    }

    /// Builds the language from sources already checked (a compiled form's, or a full load's).
    package static func build(_ sources: [DialogLoader.Source]) -> (language: Language, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let spec = read(sources, sink: sink)
        return (Language(spec), sink.items)
    }

    /// Every `@concept` a rule names exists, and no concept contains itself.
    static func checkReferences(_ spec: LanguageSpec, sink: DiagnosticSink) {
        func check(_ rule: Rule) {
            for name in rule.pattern.concepts where spec.concepts[name] == nil {
                let names = Array(spec.concepts.keys)
                sink.report(
                    .unknownConcept, location(rule.origin), "", "the pattern '\(rule.pattern.text)' names no concept '@\(name)'",
                    hint: Suggestion.closest(to: name, in: names).map { "did you mean '@\($0)'?" }
                        ?? "declare it under \"concepts\" in a file of the language folder")
            }
        }
        spec.concepts.values.forEach { $0.forEach(check) }
        spec.triggers.forEach { check($0.rule) }
        spec.terminators.forEach(check)
        spec.nonBoundaries.forEach(check)
        for flag in spec.redFlags {
            flag.alarm.forEach(check)
            flag.check.forEach(check)
        }
        // Cycles: a concept reached again from itself.
        for name in spec.concepts.keys.sorted() {
            var stack = [name]
            var visited = Set<String>()
            var cycle = false
            while let current = stack.popLast(), !cycle {
                for rule in spec.concepts[current] ?? [] {
                    for next in rule.pattern.concepts {
                        if next == name { cycle = true }
                        if visited.insert(next).inserted { stack.append(next) }
                    }
                }
            }
            if cycle, let origin = spec.conceptOrigins[name] {
                sink.report(
                    .conceptCycle, location(origin), "", "the concept '@\(name)' contains itself",
                    hint: "a concept may name other concepts, but none of them may lead back to it")
            }
        }
    }

    static func location(_ origin: Origin) -> SourceLocation {
        SourceLocation(file: origin.file, line: origin.line, column: origin.column)
    }

    private struct Reader {
        let file: String
        let sink: DiagnosticSink

        func origin(_ node: JSONNode) -> Origin { Origin(file: file, line: Int(node.line), column: Int(node.column)) }

        func wrongType(_ node: JSONNode, _ pointer: String, _ expected: String) {
            sink.report(
                .wrongType, node.location(in: file), pointer, "expected \(expected), found \(node.value.typeName)",
                hint: nil)
        }

        func unknownKey(_ member: JSONObject.Member, _ pointer: String, known: [String]) {
            sink.report(
                .unknownKey, member.keyLocation(in: file), pointer + "/" + member.key,
                "unknown key '\(member.key)'",
                hint: Suggestion.closest(to: member.key, in: known).map { "did you mean '\($0)'?" }
                    ?? "known keys here: \(known.filter { !$0.hasPrefix("$") }.joined(separator: ", "))")
        }

        func object(_ node: JSONNode, _ pointer: String) -> JSONObject? {
            if case .object(let o) = node.value { return o }
            wrongType(node, pointer, "an object")
            return nil
        }

        func strings(_ node: JSONNode, _ pointer: String) -> [(String, JSONNode)] {
            guard case .array(let items) = node.value else {
                wrongType(node, pointer, "an array of strings")
                return []
            }
            var out: [(String, JSONNode)] = []
            for (i, item) in items.enumerated() {
                if case .string(let s) = item.value {
                    out.append((s, item))
                } else {
                    wrongType(item, pointer + "/\(i)", "a string")
                }
            }
            return out
        }

        /// Words as typed words are read: lowercased, folded, split.
        func word(_ text: String) -> String { TextNormalizer.tokens(text).joined(separator: " ") }

        func rules(_ node: JSONNode, _ pointer: String) -> [Rule] {
            var out: [Rule] = []
            for (i, (text, item)) in strings(node, pointer).enumerated() {
                do {
                    out.append(Rule(try Pattern.parse(text), origin: origin(item)))
                } catch {
                    // The column of the pattern's first character is the opening quote's plus one.
                    let location = SourceLocation(file: file, line: Int(item.line), column: Int(item.column) + 1 + error.offset)
                    sink.report(.patternSyntax, location, pointer + "/\(i)", "\(error.message) in '\(text)'", hint: error.hint)
                }
            }
            return out
        }

        func read(
            _ root: JSONNode, into spec: inout LanguageSpec, commands: inout CommandsRead, seen: inout [String: SourceLocation]
        ) {
            guard let top = object(root, "") else { return }
            for member in top.members {
                let pointer = "/" + member.key
                let value = member.value
                switch member.key {
                case "$schema", "$comment", "reviewed":
                    continue
                case "countries":
                    readCountries(value, pointer, into: &spec)
                case "quantities":
                    readQuantities(value, pointer, into: &spec)
                case "ambiguous":
                    guard let o = object(value, pointer) else { continue }
                    for m in o.members {
                        spec.ambiguousPlaces[m.key, default: []] += strings(m.value, pointer + "/" + m.key).map { $0.0.lowercased() }
                    }
                case "forms":
                    guard let o = object(value, pointer) else { continue }
                    for m in o.members {
                        guard case .string(let base) = m.value.value else {
                            wrongType(m.value, pointer + "/" + m.key, "a string (the base form)")
                            continue
                        }
                        spec.forms[word(m.key)] = word(base)
                    }
                case "protected":
                    for (s, _) in strings(value, pointer) { spec.protected.insert(word(s)) }
                case "not_forms":
                    for (s, _) in strings(value, pointer) { spec.notForms.insert(word(s)) }
                case "clause_starters":
                    for (s, _) in strings(value, pointer) { spec.clauseStarters.insert(word(s)) }
                case "terminators":
                    spec.terminators += rules(value, pointer)
                case "non_boundaries":
                    spec.nonBoundaries += rules(value, pointer)
                case "lists":
                    guard let o = object(value, pointer) else { continue }
                    for m in o.members {
                        spec.lists[m.key, default: []] += strings(m.value, pointer + "/" + m.key).map { word($0.0) }
                    }
                case "concepts":
                    guard let o = object(value, pointer) else { continue }
                    for m in o.members where firstDeclaration(m, pointer, what: "concept", seen: &seen) {
                        spec.concepts[m.key] = rules(m.value, pointer + "/" + m.key)
                        spec.conceptOrigins[m.key] = Origin(file: file, line: Int(m.keyLine), column: Int(m.keyColumn))
                    }
                case "context":
                    readContext(value, pointer, into: &spec)
                case "commands":
                    readCommands(value, pointer, into: &commands, seen: &seen)
                case "redflags":
                    guard let o = object(value, pointer) else { continue }
                    for m in o.members where firstDeclaration(m, pointer, what: "red flag", seen: &seen) {
                        if let flag = readFlag(m, pointer + "/" + m.key) { spec.redFlags.append(flag) }
                    }
                default:
                    unknownKey(member, "", known: LanguageLoader.topKeys)
                }
            }
        }

        /// Whether `member` declares its name for the first time across the language files; reports it
        /// (E021) when not.
        func firstDeclaration(_ member: JSONObject.Member, _ pointer: String, what: String, seen: inout [String: SourceLocation]) -> Bool {
            let key = what + " " + member.key
            if let first = seen[key] {
                sink.report(
                    .duplicateDeclaration, member.keyLocation(in: file), pointer + "/" + member.key,
                    "the \(what) '\(member.key)' is declared twice", hint: "the first is at \(first)")
                return false
            }
            seen[key] = member.keyLocation(in: file)
            return true
        }

        /// `commands`: command name → phrases ("go back", "save FILE"). A name the program does not know
        /// (E010), a command declared in two files (E021), and a phrase that is empty, has `FILE` anywhere
        /// but last or on a command that takes no file, or is written twice (E097) are reported.
        func readCommands(_ node: JSONNode, _ pointer: String, into commands: inout CommandsRead, seen: inout [String: SourceLocation]) {
            guard let o = object(node, pointer) else { return }
            commands.declared = true
            for m in o.members where m.key != "$comment" {
                let p = pointer + "/" + m.key
                guard let name = CommandName(rawValue: m.key) else {
                    let names = CommandName.allCases.map(\.rawValue)
                    sink.report(
                        .unknownKey, m.keyLocation(in: file), p, "unknown command '\(m.key)'",
                        hint: Suggestion.closest(to: m.key, in: names).map { "did you mean '\($0)'?" }
                            ?? "the commands are \(names.joined(separator: ", "))")
                    continue
                }
                guard firstDeclaration(m, pointer, what: "command", seen: &seen) else { continue }
                var phrases: [CommandTable.Phrase] = []
                for (i, (text, item)) in strings(m.value, p).enumerated() {
                    let location = item.location(in: file)
                    switch CommandTable.Phrase.parse(text, for: name) {
                    case .failure(.empty):
                        sink.report(
                            .commandPhrase, location, p + "/\(i)", "a phrase of the command '\(name.rawValue)' has no words",
                            hint: "write the words a person types, like \"go back\" or \"save FILE\"")
                    case .failure(.fileNotLast):
                        sink.report(
                            .commandPhrase, location, p + "/\(i)", "FILE is not the last word of '\(text)'",
                            hint: "the file name comes last, as in \"save FILE\"")
                    case .failure(.takesNoFile):
                        sink.report(
                            .commandPhrase, location, p + "/\(i)", "the command '\(name.rawValue)' takes no file: '\(text)'",
                            hint: "only \(CommandName.allCases.filter(\.takesFile).map { "'\($0.rawValue)'" }.joined(separator: " and ")) take FILE")
                    case .success(let phrase):
                        let key = phrase.words + (phrase.takesFile ? " FILE" : "")
                        if let first = commands.firstWritten[key] {
                            let message =
                                first.command == name
                                ? "the phrase '\(key)' is given twice to the command '\(name.rawValue)'"
                                : "the phrase '\(key)' is given to both '\(first.command.rawValue)' and '\(name.rawValue)'"
                            sink.report(
                                .commandPhrase, location, p + "/\(i)", message,
                                hint: "the first is at \(first.location); a typed line can name one command only, so keep it once")
                            continue
                        }
                        commands.firstWritten[key] = (name, location)
                        phrases.append(phrase)
                    }
                }
                commands.phrases[name] = phrases
            }
        }

        /// `countries`: by code, names and places (`language/<lang>/places.json`) or the group and numbers
        /// (`data/countries.json`); the two merge.
        func readCountries(_ node: JSONNode, _ pointer: String, into spec: inout LanguageSpec) {
            guard let o = object(node, pointer) else { return }
            let keys = ["names", "places", "name", "group", "emergency", "ambulance", "crisis", "poison", "sources", "$comment"]
            for m in o.members {
                let p = pointer + "/" + m.key
                guard let entry = object(m.value, p) else { continue }
                var country = spec.countries[m.key] ?? Country(code: m.key)
                var isData = false
                func text(_ key: String) -> String? {
                    if case .string(let s)? = entry[key]?.value { return s }
                    return nil
                }
                for e in entry.members {
                    switch e.key {
                    case "names", "places":
                        spec.placeNames[m.key, default: []] += strings(e.value, p + "/" + e.key).map { $0.0 }
                    case "name", "emergency", "ambulance", "sources", "$comment":
                        isData = isData || e.key != "$comment"
                    case "group":
                        isData = true
                        if let g = text("group"), !["us", "uk", "eu", "other"].contains(g) {
                            sink.report(
                                .invalidValue, e.value.location(in: file), p + "/group", "unknown group '\(g)'",
                                hint: "a country's group is us, uk, eu or other")
                        }
                    case "crisis", "poison":
                        isData = true
                        if case .object(let line) = e.value.value {
                            let number: String? = { if case .string(let s)? = line["number"]?.value { return s } else { return nil } }()
                            let name: String? = { if case .string(let s)? = line["name"]?.value { return s } else { return nil } }()
                            if e.key == "crisis" {
                                country.crisis = number
                                country.crisisName = name
                                if case .string(let how)? = line["how"]?.value { country.crisisHow = how }
                            } else {
                                country.poison = number
                                country.poisonName = name
                            }
                        }
                    default:
                        unknownKey(e, p, known: keys)
                    }
                }
                if isData {
                    if let name = text("name") { country.name = name }
                    if let group = text("group") { country.group = group }
                    country.emergency = text("emergency")
                    country.ambulance = text("ambulance")
                    if case .object(let sources)? = entry["sources"]?.value {
                        if case .string(let url)? = sources["emergency"]?.value { country.emergencySource = url }
                        if case .string(let url)? = sources["ambulance"]?.value { country.ambulanceSource = url }
                    }
                }
                spec.countries[m.key] = country
            }
        }

        /// `quantities`: `numbers` and `units` (word → value; units in days), `other_units`, `other_leads`,
        /// `age_leads`, `age_next_leads`, `age_next_tails`, `age_past_leads` and `range_words` (lists of words).
        func readQuantities(_ node: JSONNode, _ pointer: String, into spec: inout LanguageSpec) {
            guard let o = object(node, pointer) else { return }
            for m in o.members {
                let p = pointer + "/" + m.key
                switch m.key {
                case "$comment": continue
                case "numbers", "units", "ordinals":
                    guard let table = object(m.value, p) else { continue }
                    for e in table.members {
                        guard case .number(let n) = e.value.value, n > 0 else {
                            sink.report(.invalidValue, e.value.location(in: file), p + "/" + e.key, "expected a positive number", hint: "for example \"fortnight\": 14")
                            continue
                        }
                        switch m.key {
                        case "numbers": spec.quantities.numbers[word(e.key)] = n
                        case "ordinals": spec.quantities.ordinals[word(e.key)] = n
                        default: spec.quantities.units[word(e.key)] = n
                        }
                    }
                case "other_units": spec.quantities.otherUnits.formUnion(strings(m.value, p).map { word($0.0) })
                case "other_leads": spec.quantities.otherLeads.formUnion(strings(m.value, p).map { word($0.0) })
                case "range_words": spec.quantities.rangeWords.formUnion(strings(m.value, p).map { word($0.0) })
                case "age_leads": spec.quantities.ageLeads.formUnion(strings(m.value, p).map { word($0.0) })
                case "age_next_leads": spec.quantities.ageNextLeads.formUnion(strings(m.value, p).map { word($0.0) })
                case "age_next_tails": spec.quantities.ageNextTails.formUnion(strings(m.value, p).map { word($0.0) })
                case "age_past_leads": spec.quantities.agePastLeads.formUnion(strings(m.value, p).map { word($0.0) })
                default:
                    unknownKey(m, pointer, known: ["numbers", "units", "ordinals", "other_units", "other_leads", "age_leads", "age_next_leads", "age_next_tails", "age_past_leads", "range_words"])
                }
            }
        }

        func readContext(_ node: JSONNode, _ pointer: String, into spec: inout LanguageSpec) {
            guard let o = object(node, pointer) else { return }
            let kinds = ContextKind.allCases.map(\.rawValue)
            for m in o.members {
                let p = pointer + "/" + m.key
                guard let kind = ContextKind(rawValue: m.key) else {
                    unknownKey(m, pointer, known: kinds)
                    continue
                }
                guard let body = object(m.value, p) else { continue }
                for d in body.members {
                    if d.key == "window" {
                        guard case .number(let n) = d.value.value, n >= 0, n <= 20, n == n.rounded() else {
                            sink.report(
                                .invalidValue, d.value.location(in: file), p + "/window", "a window is a whole number of words from 0 to 20",
                                hint: "for example 6")
                            continue
                        }
                        spec.windows[kind] = Int(n)
                        continue
                    }
                    guard let direction = TriggerDirection(rawValue: d.key) else {
                        unknownKey(d, p, known: ["before", "after", "clause", "window"])
                        continue
                    }
                    for rule in rules(d.value, p + "/" + d.key) {
                        spec.triggers.append(Trigger(rule, kind: kind, direction: direction))
                    }
                }
            }
        }

        func readFlag(_ member: JSONObject.Member, _ pointer: String) -> RedFlagSpec? {
            guard let o = object(member.value, pointer) else { return nil }
            var title = member.key
            var alarm: [Rule] = []
            var check: [Rule] = []
            var ongoing = true
            var across = false
            var written = 0
            for m in o.members {
                if m.key == "alarm" || m.key == "check", case .array(let items) = m.value.value { written += items.count }
                switch m.key {
                case "$comment": continue
                case "title":
                    if case .string(let s) = m.value.value { title = s } else { wrongType(m.value, pointer + "/title", "a string") }
                case "alarm": alarm = rules(m.value, pointer + "/alarm")
                case "check": check = rules(m.value, pointer + "/check")
                case "check_when_ongoing":
                    if case .bool(let b) = m.value.value { ongoing = b } else { wrongType(m.value, pointer + "/check_when_ongoing", "true or false") }
                case "across_clauses":
                    if case .bool(let b) = m.value.value { across = b } else { wrongType(m.value, pointer + "/across_clauses", "true or false") }
                default: unknownKey(m, pointer, known: ["title", "alarm", "check", "check_when_ongoing", "across_clauses", "$comment"])
                }
            }
            if written == 0 {
                sink.report(
                    .missingKey, member.keyLocation(in: file), pointer, "the red flag '\(member.key)' has no patterns",
                    hint: "give it \"alarm\" patterns, \"check\" patterns, or both")
            }
            var flag = RedFlagSpec(
                category: member.key, title: title, alarm: alarm, check: check, checkWhenOngoing: ongoing,
                origin: Origin(file: file, line: Int(member.keyLine), column: Int(member.keyColumn)))
            flag.acrossClauses = across
            return flag
        }
    }
}

extension LanguageLoader {
    /// Every red-flag interrupt names a red flag of the language data, and each of its examples raises it.
    static func checkInterrupts(_ graph: DialogGraph, sink: DiagnosticSink, languageIsSound: Bool = true) {
        // Options and yes/no questions that name concepts (`"@uk_private"`) name declared ones.
        let declared = graph.language?.language.spec.concepts
        func check(_ concepts: [String], _ owner: String, _ location: SourceLocation) {
            for concept in concepts where declared?[concept] == nil {
                sink.report(
                    .unknownConcept, location, "", "\(owner) names the concept '@\(concept)', which the language data does not declare",
                    hint: declared.flatMap { Suggestion.closest(to: concept, in: Array($0.keys)) }.map { "did you mean '@\($0)'?" }
                        ?? "declare it under \"concepts\" in a file of the language folder")
            }
        }
        for name in graph.slotOrder {
            guard let def = graph.slots[name] else { continue }
            if case .choice(let options) = def.type { check(options.flatMap(\.concepts), "an option of slot '\(name)'", def.location) }
            if case .multi(let options) = def.type { check(options.flatMap(\.concepts), "an option of slot '\(name)'", def.location) }
        }
        for id in graph.nodeOrder {
            guard let question = graph.nodes[id]?.question else { continue }
            check(question.yes + question.no, "question '\(id)'", question.location)
        }
        let flagged = graph.interrupts.filter { $0.redFlag != nil }
        guard !flagged.isEmpty else { return }
        guard let language = graph.language?.language else {
            for i in flagged {
                sink.report(
                    .unknownRedFlag, i.location, "", "interrupt '\(i.id)' names the red flag '\(i.redFlag ?? "")' but the folder has no language data",
                    hint: "add \(folder)/\(defaultLanguage)/ with a \"redflags\" file beside the dialogs")
            }
            return
        }
        let categories = language.spec.redFlags.map(\.category)
        for i in flagged {
            guard let flag = i.redFlag else { continue }
            guard categories.contains(flag) else {
                sink.report(
                    .unknownRedFlag, i.location, "", "interrupt '\(i.id)' names the red flag '\(flag)', which the language data does not declare",
                    hint: Suggestion.closest(to: flag, in: categories).map { "did you mean '\($0)'?" }
                        ?? "red flags declared: \(categories.joined(separator: ", "))")
                continue
            }
            // Examples are read only with sound data: a pattern that did not parse is reported once, not
            // again as every example it would have matched.
            for example in i.examples where languageIsSound {
                let reading = language.read(example)
                if !reading.alarms.contains(flag) {
                    sink.report(
                        .redFlagExample, i.location, "", "the example '\(example)' of interrupt '\(i.id)' does not raise the red flag '\(flag)'",
                        hint: "run second-opinion understand \"\(example)\" to see what it reads; widen the patterns or fix the example")
                }
            }
        }
    }
}
