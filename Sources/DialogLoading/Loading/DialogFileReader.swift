import DialogCore
import Understanding
/// Turns one parsed dialog file into a `RawDialog`, reporting every shape problem.
struct DialogFileReader {
    let file: String
    let sink: DiagnosticSink
    /// The parsed file (set by `read`).
    private var tree = JSONTree(bytes: [], entries: [], decoded: [])

    init(file: String, sink: DiagnosticSink) {
        self.file = file
        self.sink = sink
    }

    static let topKeys: [StaticString] = [
        "$schema", "dialog", "title", "start", "defaults", "slots", "nodes", "interrupts", "documents", "properties",
    ]
    static let defaultsKeys: [StaticString] = ["skip", "attempts"]
    static let slotKeys: [StaticString] = ["type", "label", "options", "min", "max", "integer", "units", "unit", "summary", "ordered"]
    static let optionKeys: [StaticString] = ["value", "label", "synonyms", "as"]
    static let sayKeys: [StaticString] = ["when", "text", "else"]
    static let sayRequired: [StaticString] = ["when", "text"]
    static let nodeKeys: [StaticString] = ["say", "set", "ask", "why", "documents", "next", "call", "return", "pause", "end"]
    static let askKeys: [StaticString] = ["slot", "reprompt", "attempts", "skip", "map", "place", "person", "yes", "no"]
    static let mapKeys: [StaticString] = ["slot", "rules", "default", "in"]
    static let ruleKeys: [StaticString] = ["value", "keywords"]
    static let edgeKeys: [StaticString] = ["if", "goto"]
    static let interruptKeys: [StaticString] = ["id", "keywords", "goto", "resume", "urgent", "priority", "redflag", "check", "examples", "questions", "about"]
    static let documentKeys: [StaticString] = ["title", "items", "style", "marks"]
    static let marksKeys: [StaticString] = ["title", "heading", "bullet", "check"]
    static let itemKeys: [StaticString] = ["when", "heading", "text", "bullet", "check", "else", "source"]
    static let propertyKeys: [StaticString] = ["id", "description", "kind", "first", "then", "node", "when", "phrases"]
    static let slotTypes = ["bool", "choice", "multi", "number", "text"]
    // Required keys (static, so no array is built per object).
    static let topRequired: [StaticString] = ["dialog", "start", "nodes"]
    static let slotRequired: [StaticString] = ["type", "label"]
    static let optionRequired: [StaticString] = ["value", "label"]
    static let askRequired: [StaticString] = ["slot"]
    static let mapRequired: [StaticString] = ["slot", "rules"]
    static let ruleRequired: [StaticString] = ["value", "keywords"]
    static let edgeRequired: [StaticString] = ["goto"]
    static let interruptRequired: [StaticString] = ["id", "goto"]
    static let documentRequired: [StaticString] = ["title", "items"]
    static let propertyRequired: [StaticString] = ["id", "kind"]
    static let numberOnlyKeys: [StaticString] = ["min", "max", "integer", "units", "unit"]

    mutating func read(_ tree: JSONTree) -> RawDialog? {
        self.tree = tree
        guard
            let top = ShapeReader(
                tree.root, in: tree, file: file, pointer: "", what: "a dialog file", allowed: Self.topKeys, required: Self.topRequired,
                sink: sink)
        else { return nil }
        guard let id = top.string("dialog") else { return nil }
        if !Identifier.isSimple(id.value) {
            sink.report(
                .invalidValue, id.location, "/dialog", "dialog id '\(id.value)' is not a valid id",
                hint: "use lowercase letters, digits and '_', starting with a letter")
        }
        var dialog = RawDialog(file: file, id: id)
        dialog.title = top.string("title")?.value
        dialog.start = top.string("start")
        if let d = top.object("defaults"),
            let r = ShapeReader(d, in: tree, file: file, pointer: "/defaults", what: "'defaults'", allowed: Self.defaultsKeys, required: [], sink: sink)
        {
            dialog.defaultSkip = r.bool("skip")?.value
            if let a = r.integer("attempts") {
                if a.value < 1 || a.value > 10 {
                    sink.report(
                        .unboundedAttempts, a.location, "/defaults/attempts", "'attempts' is \(a.value); it must be from 1 to 10",
                        hint: "2 or 3 is usually right")
                } else {
                    dialog.defaultAttempts = a
                }
            }
        }
        if let slots = top.object("slots") {
            dialog.slots.reserveCapacity(tree.count(slots))
            for member in tree.members(slots) { readSlot(member, into: &dialog) }
        }
        if let nodes = top.object("nodes") {
            if tree.count(nodes) == 0 {
                sink.report(.invalidValue, tree.location(nodes, in: file), "/nodes", "a dialog needs at least one node",
                    hint: "add a node, e.g. \"bye\": { \"say\": \"Goodbye.\", \"end\": true }")
            }
            dialog.nodes.reserveCapacity(tree.count(nodes))
            for member in tree.members(nodes) { readNode(member, into: &dialog) }
        }
        if let interrupts = top.array("interrupts") {
            for (i, node) in interrupts.enumerated() { readInterrupt(node, pointer: Pointer.join("/interrupts", i), into: &dialog) }
        }
        if let documents = top.object("documents") {
            for member in tree.members(documents) { readDocument(member, into: &dialog) }
        }
        if let properties = top.array("properties") {
            for (i, node) in properties.enumerated() { readProperty(node, pointer: Pointer.join("/properties", i), into: &dialog) }
        }
        return dialog
    }

    private func checkId(
        _ name: String, _ location: SourceLocation, _ pointer: @autoclosure () -> String, what: String, slot: Bool = false
    ) {
        let ok = slot ? Identifier.isSlotName(name) : Identifier.isSimple(name)
        if !ok {
            sink.report(
                .invalidValue, location, pointer(), "\(what) '\(name)' is not a valid name",
                hint: slot
                    ? "use lowercase letters, digits and '_', optionally in dotted parts like 'surgery.kind'"
                    : "use lowercase letters, digits and '_', starting with a letter")
        }
    }

    /// The slot whose key is entry `member`.
    private func readSlot(_ member: Int, into dialog: inout RawDialog) {
        let key = tree.string(member)
        let keyLocation = tree.location(member, in: file)
        let pointer = ShapeReader.join("/slots", key)
        checkId(key, keyLocation, pointer, what: "slot name", slot: true)
        guard
            let r = ShapeReader(
                member + 1, in: tree, file: file, pointer: pointer, what: "slot '\(key)'", allowed: Self.slotKeys,
                required: Self.slotRequired, sink: sink),
            let type = r.string("type"), let label = r.string("label")
        else { return }
        guard Self.slotTypes.contains(type.value) else {
            sink.report(
                .invalidValue, type.location, r.pointer("type"), "unknown slot type '\(type.value)'",
                hint: Suggestion.hint(for: type.value, in: Self.slotTypes) ?? "use one of: " + Self.slotTypes.joined(separator: ", "))
            return
        }
        var raw = RawSlot(name: Located(key, keyLocation), type: .text, label: label.value)
        raw.inSummary = r.bool("summary")?.value ?? true
        let isNumber = type.value == "number"
        for key in Self.numberOnlyKeys where !isNumber {
            if let n = r[key] {
                sink.report(.invalidValue, tree.location(n, in: file), r.pointer(key), "'\(key)' applies only to number slots",
                    hint: "remove it, or make the slot \"type\": \"number\"")
            }
        }
        if let ordered = r.bool("ordered") {
            if type.value == "choice" {
                raw.ordered = ordered.value
            } else if let n = r["ordered"] {
                sink.report(
                    .invalidValue, tree.location(n, in: file), r.pointer("ordered"), "'ordered' applies only to choice slots",
                    hint: type.value == "number" ? "a number slot is compared with <, >= already; remove the key" : "remove it, or make the slot \"type\": \"choice\"")
            }
        }
        let hasOptions = type.value == "choice" || type.value == "multi"
        if !hasOptions, let n = r["options"] {
            sink.report(.invalidValue, tree.location(n, in: file), r.pointer("options"), "'options' applies only to choice and multi slots",
                hint: "remove it, or make the slot \"type\": \"choice\" or \"multi\"")
        }
        switch type.value {
        case "bool": raw.type = .bool
        case "text": raw.type = .text
        case "number":
            let min = r.number("min")?.value
            let max = r.number("max")?.value
            if let min, let max, min > max, let n = r["min"] {
                sink.report(.invalidValue, tree.location(n, in: file), r.pointer("min"), "'min' (\(Value.format(min))) is above 'max' (\(Value.format(max)))",
                    hint: "swap them")
            }
            raw.type = .number(min: min, max: max, integer: r.bool("integer")?.value ?? false)
            if let u = r["unit"] {
                // "unit": "month", or ["month", "months"]: its name for one, and for more.
                let names: [Located<String>]? = tree.kind(u) == .string ? r.string("unit").map { [$0] } : r.strings("unit")
                if let names, (1...2).contains(names.count) {
                    raw.unit = (names[0].value, names[names.count - 1].value)
                } else if names != nil {
                    sink.report(
                        .invalidValue, tree.location(u, in: file), r.pointer("unit"), "'unit' is one name, or a list of two: for one and for more",
                        hint: "write \"unit\": [\"month\", \"months\"]")
                }
            }
            if let units = r.object("units") {
                for m in tree.members(units) {
                    let unit = tree.string(m)
                    let p = ShapeReader.join(r.pointer("units"), unit)
                    guard tree.kind(m + 1) == .number, case let factor = tree.number(m + 1), factor > 0 else {
                        sink.report(
                            .invalidValue, tree.location(m + 1, in: file), p, "a unit's worth must be a positive number",
                            hint: "e.g. \"years\": 12 on a slot counted in months")
                        continue
                    }
                    let word = TextNormalizer.tokens(unit)
                    guard word.count == 1, let w = word.first else {
                        sink.report(.invalidValue, tree.location(m, in: file), p, "a unit is one word, like \"years\"",
                            hint: "give each word its own entry: \"years\": 12, \"year\": 12")
                        continue
                    }
                    raw.units[w] = factor
                }
            }
        default:
            guard let items = r.array("options") else {
                if r["options"] == nil {
                    sink.report(.missingKey, r.location, pointer, "\(type.value) slot '\(key)' is missing the required key 'options'",
                        hint: "add \"options\": [{ \"value\": \"…\", \"label\": \"…\" }]")
                }
                return
            }
            if items.count == 0, let n = r["options"] {
                sink.report(.invalidValue, tree.location(n, in: file), r.pointer("options"), "a \(type.value) slot needs at least one option",
                    hint: "add { \"value\": \"…\", \"label\": \"…\" } to the list")
            }
            var options: [Option] = []
            options.reserveCapacity(items.count)
            // Each option's label and synonyms, counted first so the list is allocated once.
            var words = 0
            for item in items {
                words += 1
                if tree.kind(item) == .object, let s = tree.member(item, "synonyms"), tree.kind(s) == .array { words += tree.count(s) }
            }
            raw.optionWords.reserveCapacity(words)
            for (i, item) in items.enumerated() {
                guard
                    let o = ShapeReader(
                        item, in: tree, file: file, item: i, of: "options", in: pointer, what: "an option", allowed: Self.optionKeys, required: Self.optionRequired, sink: sink),
                    let value = o.string("value"), let label = o.string("label")
                else { continue }
                checkId(value.value, value.location, o.pointer("value"), what: "option value")
                if options.contains(where: { $0.value == value.value }) {
                    sink.report(.duplicateDeclaration, value.location, o.pointer("value"), "option value '\(value.value)' appears twice in slot '\(key)'",
                        hint: "give each option its own value")
                }
                let synonyms = o.strings("synonyms") ?? []
                var phrasings: [String: String] = [:]
                if let named = o.object("as") {
                    for m in tree.members(named) {
                        let name = tree.string(m)
                        let p = ShapeReader.join(o.pointer("as"), name)
                        checkId(name, tree.location(m, in: file), p, what: "phrasing name")
                        if let text = ShapeReader.string(m + 1, in: tree, file: file, pointer: p, what: "phrasing '\(name)'", sink: sink) {
                            phrasings[name] = text.value
                        }
                    }
                }
                options.append(Option(value: value.value, label: label.value, synonyms: synonyms.map(\.value), phrasings: phrasings))
                raw.optionWords.append((value.value, label.value, label.location, i, nil))
                for (j, s) in synonyms.enumerated() {
                    raw.optionWords.append((value.value, s.value, s.location, i, j))
                }
            }
            raw.type = type.value == "choice" ? .choice(options) : .multi(options)
        }
        dialog.slots.append(raw)
    }

    /// The node whose key is entry `member`.
    private func readNode(_ member: Int, into dialog: inout RawDialog) {
        let key = tree.string(member)
        let keyLocation = tree.location(member, in: file)
        let pointer = ShapeReader.join("/nodes", key)
        checkId(key, keyLocation, pointer, what: "node id")
        guard
            let r = ShapeReader(
                member + 1, in: tree, file: file, pointer: pointer, what: "node '\(key)'", allowed: Self.nodeKeys, required: [],
                sink: sink)
        else { return }
        let node = RawNode(name: Located(key, keyLocation), objectLocation: r.location)
        if let set = r.object("set") {
            for m in tree.members(set) {
                node.set.append((Located(tree.string(m), tree.location(m, in: file)), tree.node(m + 1)))
            }
        }
        node.say = readSay(r)
        node.documents = r.strings("documents") ?? []
        node.why = r.string("why")
        if let askNode = r["ask"] { node.ask = readAsk(askNode, node: key, nodePointer: pointer) }
        if let next = r["next"] { node.next = readNext(next, nodePointer: pointer) }
        node.call = r.string("call")
        node.returns = r.flag("return") != nil
        node.pause = r.flag("pause") != nil
        node.end = r.flag("end") != nil
        node.misspeltExit =
            r.isMisspelt("next") || r.isMisspelt("call") || r.isMisspelt("return") || r.isMisspelt("pause") || r.isMisspelt("end")
        dialog.nodes.append(node)
    }

    /// `say`: a string, a list of variants, or a variant written `{ "when": …, "text": …, "else": … }`
    /// (alone or in the list).
    private func readSay(_ r: ShapeReader) -> [RawSay] {
        guard let n = r["say"] else { return [] }
        let isObject = { (k: Int) in tree.kind(k) == .object }
        if isObject(n) { return readSayObject(n, pointer: r.pointer("say")).map { [$0] } ?? [] }
        guard tree.kind(n) == .array, tree.elements(n).contains(where: isObject) else {
            return (r.stringOrStrings("say") ?? []).map { RawSay(text: $0) }
        }
        var out: [RawSay] = []
        for (i, item) in tree.elements(n).enumerated() {
            let p = Pointer.join(r.pointer("say"), i)
            if isObject(item) {
                if let say = readSayObject(item, pointer: p) { out.append(say) }
            } else if let s = ShapeReader.string(item, in: tree, file: file, pointer: p, what: "each variant of 'say'", sink: sink) {
                out.append(RawSay(text: s))
            }
        }
        return out
    }

    private func readSayObject(_ n: Int, pointer: String) -> RawSay? {
        guard
            let r = ShapeReader(
                n, in: tree, file: file, pointer: pointer, what: "a 'say' variant", allowed: Self.sayKeys, required: Self.sayRequired, sink: sink),
            let text = r.string("text"), let when = r.string("when")
        else { return nil }
        return RawSay(text: text, when: when, otherwise: r.string("else"), location: r.location)
    }

    private func readAsk(_ n: Int, node: String, nodePointer: String) -> RawAsk? {
        guard
            let r = ShapeReader(n, in: tree, file: file, member: "ask", of: nodePointer, what: "'ask'", allowed: Self.askKeys, required: Self.askRequired, sink: sink)
        else { return nil }
        let ask = RawAsk(
            location: r.location, nodeName: node, slot: r.string("slot"), reprompt: r.string("reprompt"),
            attempts: r.integer("attempts"), skip: r.bool("skip")?.value)
        ask.place = r.bool("place")?.value ?? false
        ask.person = r.bool("person")?.value ?? false
        ask.yes = r["yes"] == nil ? [] : (r.strings("yes") ?? [])
        ask.no = r["no"] == nil ? [] : (r.strings("no") ?? [])
        ask.misspeltReprompt = r.isMisspelt("reprompt")
        ask.misspeltAttempts = r.isMisspelt("attempts")
        if let m = r["map"],
            let mr = ShapeReader(m, in: tree, file: file, pointer: r.pointer("map"), what: "'map'", allowed: Self.mapKeys, required: Self.mapRequired, sink: sink)
        {
            var map = RawMap(
                location: mr.location, pointer: mr.pointer, slot: mr.string("slot"), rules: [], defaultValue: mr.string("default"),
                reads: mr.string("in"))
            for (i, ruleNode) in (mr.array("rules") ?? tree.noChildren).enumerated() {
                guard
                    let rr = ShapeReader(ruleNode, in: tree, file: file, item: i, of: "rules", in: mr.pointer, what: "a keyword rule", allowed: Self.ruleKeys, required: Self.ruleRequired, sink: sink),
                    let value = rr.string("value"), let keywords = rr.strings("keywords")
                else { continue }
                if keywords.isEmpty, let k = rr["keywords"] {
                    sink.report(.invalidValue, tree.location(k, in: file), rr.pointer("keywords"), "a keyword rule needs at least one keyword",
                        hint: "add a phrase to \"keywords\", or remove the rule")
                }
                checkWildcards(keywords, pointer: rr.pointer("keywords"))
                map.rules.append((value, keywords.map(\.value)))
            }
            ask.map = map
        }
        return ask
    }

    /// The node's `next`; its pointers are built only for diagnostics.
    private func readNext(_ n: Int, nodePointer: String) -> [RawEdge]? {
        if tree.kind(n) == .string {
            guard let s = ShapeReader.string(n, in: tree, file: file, pointer: ShapeReader.join(nodePointer, "next"), what: "'next'", sink: sink)
            else { return nil }
            return [RawEdge(condition: nil, target: s, location: tree.location(n, in: file), index: nil)]
        }
        guard tree.kind(n) == .array, tree.count(n) > 0 else {
            sink.report(
                .wrongType, tree.location(n, in: file), ShapeReader.join(nodePointer, "next"),
                "'next' must be a node reference or a non-empty list of edges",
                hint: "write \"next\": \"node\" or \"next\": [{ \"if\": \"…\", \"goto\": \"node\" }, { \"goto\": \"other\" }]")
            return nil
        }
        var edges: [RawEdge] = []
        edges.reserveCapacity(tree.count(n))
        for (i, item) in tree.elements(n).enumerated() {
            guard
                let r = ShapeReader(
                    item, in: tree, file: file, item: i, of: "next", in: nodePointer, what: "an edge", allowed: Self.edgeKeys,
                    required: Self.edgeRequired,
                    sink: sink),
                let target = r.string("goto")
            else { continue }
            edges.append(RawEdge(condition: r.string("if"), target: target, location: r.location, index: i))
        }
        return edges
    }

    private func readInterrupt(_ n: Int, pointer: String, into dialog: inout RawDialog) {
        guard
            let r = ShapeReader(
                n, in: tree, file: file, pointer: pointer, what: "an interrupt", allowed: Self.interruptKeys, required: Self.interruptRequired,
                sink: sink),
            let id = r.string("id"), let target = r.string("goto")
        else { return }
        checkId(id.value, id.location, r.pointer("id"), what: "interrupt id")
        let redFlag = r.string("redflag")
        let keywords = r["keywords"] == nil ? [] : (r.strings("keywords") ?? [])
        let questions = r.bool("questions")
        if let questions, questions.value, redFlag != nil || r["keywords"] != nil {
            sink.report(
                .invalidValue, questions.location, r.pointer("questions"),
                "an interrupt for every question (\"questions\": true) has no \"keywords\" or \"redflag\"",
                hint: "it fires on any line read as a question that no keyword answers; give \"examples\" for explore")
        } else if questions?.value == true {
            // Read as a question by the language data: no keywords needed.
        } else if redFlag == nil, r["keywords"] == nil {
            sink.report(
                .missingKey, r.location, pointer, "an interrupt needs \"keywords\" (or a \"redflag\" of the language data)",
                hint: "add \"keywords\": [\"a phrase\"], or \"redflag\": \"stroke\" with \"examples\"")
        } else if redFlag == nil, keywords.isEmpty, let k = r["keywords"] {
            sink.report(
                .invalidValue, tree.location(k, in: file), r.pointer("keywords"), "an interrupt needs at least one keyword phrase",
                hint: "add a phrase a person would type, like \"chest pain\"")
        }
        if let redFlag, r["keywords"] != nil {
            sink.report(
                .invalidValue, redFlag.location, r.pointer("redflag"), "an interrupt has either \"keywords\" or a \"redflag\", not both",
                hint: "a red flag is found by the language data's patterns, with context; list sample lines under \"examples\"")
        }
        checkWildcards(keywords, pointer: r.pointer("keywords"))
        let examples = r["examples"] == nil ? [] : (r.strings("examples") ?? [])
        if redFlag != nil, examples.isEmpty {
            sink.report(
                .missingKey, r.location, pointer, "a red-flag interrupt needs \"examples\": lines that must raise it",
                hint: "add \"examples\": [\"my face is drooping\"]; validate checks each one")
        }
        let about = r.string("about")
        if let about, redFlag == nil {
            sink.report(
                .invalidValue, about.location, r.pointer("about"), "\"about\" needs a \"redflag\": only a red flag's reading says who it is about",
                hint: "remove \"about\", or give the interrupt a \"redflag\" of the language data")
        }
        dialog.interrupts.append(
            RawInterrupt(
                id: id, keywords: keywords.map(\.value), target: target, resume: r.bool("resume")?.value ?? true, urgent: r.bool("urgent")?.value ?? false,
                priority: r.integer("priority")?.value ?? 0, location: r.location, pointer: pointer, redFlag: redFlag, check: r.string("check"),
                examples: examples, questions: questions?.value ?? false, about: redFlag == nil ? nil : about))
    }

    /// The document whose key is entry `member`.
    private func readDocument(_ member: Int, into dialog: inout RawDialog) {
        let key = tree.string(member)
        let keyLocation = tree.location(member, in: file)
        let pointer = ShapeReader.join("/documents", key)
        checkId(key, keyLocation, pointer, what: "document id")
        guard
            let r = ShapeReader(
                member + 1, in: tree, file: file, pointer: pointer, what: "document '\(key)'", allowed: Self.documentKeys,
                required: Self.documentRequired, sink: sink)
        else { return }
        var doc = RawDocument(id: Located(key, keyLocation), title: r.string("title"), items: [], location: r.location, pointer: pointer)
        if let style = r.string("style") {
            if let marks = DocumentTemplate.Marks.styles[style.value] {
                doc.marks = marks
            } else {
                let styles = DocumentTemplate.Marks.styles.keys.sorted()
                sink.report(
                    .invalidValue, style.location, r.pointer("style"), "unknown document style '\(style.value)'",
                    hint: Suggestion.hint(for: style.value, in: styles) ?? "use one of: " + styles.joined(separator: ", "))
            }
        }
        if let m = r["marks"],
            let mr = ShapeReader(m, in: tree, file: file, pointer: r.pointer("marks"), what: "'marks'", allowed: Self.marksKeys, required: [], sink: sink)
        {
            // Each mark as written (an empty string is allowed: no mark).
            if let v = mr.string("title", nonEmpty: false) { doc.marks.title = v.value }
            if let v = mr.string("heading", nonEmpty: false) { doc.marks.heading = v.value }
            if let v = mr.string("bullet", nonEmpty: false) { doc.marks.bullet = v.value }
            if let v = mr.string("check", nonEmpty: false) { doc.marks.check = v.value }
        }
        for (i, itemNode) in (r.array("items") ?? tree.noChildren).enumerated() {
            let p = Pointer.join(r.pointer("items"), i)
            guard let ir = ShapeReader(itemNode, in: tree, file: file, pointer: p, what: "a document item", allowed: Self.itemKeys, required: [], sink: sink)
            else { continue }
            let kinds = DocumentTemplate.Kind.allCases.filter { ir[Self.key($0)] != nil }
            guard kinds.count == 1, let kind = kinds.first else {
                // A misspelt kind ("txt") is reported as E010 already.
                if kinds.isEmpty, DocumentTemplate.Kind.allCases.contains(where: { ir.isMisspelt(Self.key($0)) }) { continue }
                sink.report(
                    kinds.isEmpty ? .missingKey : .invalidValue, ir.location, p,
                    kinds.isEmpty
                        ? "a document item needs one of 'heading', 'text', 'bullet' or 'check'"
                        : "a document item has exactly one of 'heading', 'text', 'bullet' or 'check', not \(kinds.count)",
                    hint: kinds.isEmpty ? "add the item's text under one of those keys" : "split it into separate items")
                continue
            }
            guard let text = ir.string(Self.key(kind)) else { continue }
            let when = ir.string("when")
            let otherwise = ir.string("else")
            if let otherwise, when == nil, !ir.isMisspelt("when") {
                _ = otherwise
                sink.report(
                    .missingKey, ir.location, p, "a document item with 'else' is missing the key 'when': the 'else' text is shown when it does not hold",
                    hint: "add \"when\": a condition, or make the 'else' text the item's own")
                continue
            }
            doc.items.append(
                RawDocumentItem(
                    kind: kind, text: text, when: when, otherwise: otherwise, location: ir.location, pointer: p,
                    sources: ir.stringOrStrings("source") ?? []))
        }
        dialog.documents.append(doc)
    }

    private func readProperty(_ n: Int, pointer: String, into dialog: inout RawDialog) {
        guard
            let r = ShapeReader(
                n, in: tree, file: file, pointer: pointer, what: "a property", allowed: Self.propertyKeys, required: Self.propertyRequired, sink: sink),
            let id = r.string("id"), let kind = r.string("kind")
        else { return }
        dialog.properties.append(
            RawProperty(
                id: id, description: r.string("description")?.value ?? id.value, kind: kind, first: r.string("first"),
                then: r.string("then"), node: r.string("node"), when: r.string("when"), phrases: r.strings("phrases"),
                location: r.location, pointer: pointer))
    }

    /// A keyword's `*` is a prefix wildcard, so it stands only at the end of a word (`"wheez*"`); one
    /// anywhere else would silently match nothing like what was meant.
    private func checkWildcards(_ keywords: [Located<String>], pointer: String) {
        for (i, k) in keywords.enumerated() {
            let scalars = Array(k.value.unicodeScalars)
            guard let at = scalars.indices.first(where: { j in
                scalars[j] == "*" && (j + 1 < scalars.count && !(scalars[j + 1] == " " || scalars[j + 1] == "\t"))
                    || (scalars[j] == "*" && (j == 0 || scalars[j - 1] == " "))
            }) else { continue }
            let word = k.value.split(separator: " ").first { $0.contains("*") }.map(String.init) ?? k.value
            let stem = word.split(separator: "*").first.map(String.init) ?? ""
            sink.report(
                .invalidValue, k.location.inString(offset: at), Pointer.join(pointer, i),
                "'*' in the keyword '\(k.value)' is not at the end of a word",
                hint: stem.isEmpty
                    ? "a '*' ends a word to match every word that starts with it, like \"wheez*\""
                    : "write \"\(stem)*\" to match every word that starts with '\(stem)'")
        }
    }

    /// The key that holds a document item of `kind`.
    private static func key(_ kind: DocumentTemplate.Kind) -> StaticString {
        switch kind {
        case .heading: return "heading"
        case .text: return "text"
        case .bullet: return "bullet"
        case .check: return "check"
        }
    }
}
