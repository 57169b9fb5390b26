import DialogCore
import Understanding
/// Links shape-checked dialogs into a graph: resolves references, compiles conditions and
/// templates against the declared slots, and builds matchers. Reports every problem it finds.
struct Linker {
    /// The dialogs to link; `link()` takes them and frees each dialog's nodes once they are linked.
    private var dialogs: [RawDialog]
    let sink: DiagnosticSink
    /// Each slot's number: its place in `slotOrder` and `slotDefinitions` (lint facts name slots by number).
    private var slots: [String: Int] = [:]
    private var slotOrder: [String] = []
    private var slotDefinitions: [SlotDefinition] = []
    /// Each dialog's node names with their places in the graph's `nodeOrder` (dialog by dialog, in file order).
    private var nodePlaces: [String: [String: Int]] = [:]
    /// The dialog whose nodes are being linked, and its entry of `nodePlaces` (most references are local).
    private var currentDialog = ""
    private var currentPlaces: [String: Int] = [:]
    /// Each dialog's start node, with its place in `nodeOrder`.
    private var starts: [String: Target] = [:]
    private var documentIds: Set<String> = []
    /// Choice slots declared `"ordered": true`, with their option values in order.
    private var orderedSlots: [String: [String]] = [:]
    /// Number slots with a `unit`: the units the `about` filter may say them in (their own first).
    private var spokenUnits: [String: [Template.SpokenUnit]] = [:]
    /// The words filters write ("about", "and", "or"), from the messages file (or the shipped English).
    var filterWords: (String) -> String = { $0 }
    /// The `main` dialog's `defaults`: they apply in every dialog that does not give its own.
    private var mainDefaults: (skip: Bool?, attempts: Located<Int>?) = (nil, nil)
    /// Facts for the lint passes that run on the linked graph.
    private(set) var facts = LintFacts()
    /// The first diagnostic of each file that could not be parsed (or was too large), in file order.
    /// While there are any, a name that resolves nowhere may be declared in one of them: it is counted
    /// in `unchecked` and reported once, with the file, rather than as a cascade of unknown names.
    private lazy var unparsed: [Diagnostic] = {
        var seen: Set<String> = []
        return sink.items.filter { ($0.code == .malformedJSON || $0.code == .limitExceeded) && seen.insert($0.location.file).inserted }
    }()
    /// Names left unchecked because a file did not parse.
    private var unchecked = 0
    private var candidateCache: [String: [String]] = [:]
    /// "Did you mean" hints given for dangling references; after `maxHints` the rest get none, so a
    /// file of thousands of broken references is still reported in moments.
    private var hintsGiven = 0
    private static let maxHints = 20
    /// False when references are broken, so graph-shape checks would only repeat the same problem.
    private(set) var graphIsSound = true

    /// A resolved reference: the node and its place in `nodeOrder`.
    struct Target {
        var id: NodeID
        var place: Int
    }

    init(dialogs: [RawDialog], sink: DiagnosticSink) {
        self.dialogs = dialogs
        self.sink = sink
    }

    mutating func link() -> DialogGraph? {
        let before = sink.items.count
        // Dialog ids, and where each was first declared. `unique` holds the only copy of each dialog, so a
        // dialog's raw nodes (and slots) are freed as soon as they are linked, and their memory is reused.
        var byId: [String: (file: String, line: Int)] = [:]
        var unique: [RawDialog] = []
        unique.reserveCapacity(dialogs.count)
        for d in dialogs {
            if let first = byId[d.id.value] {
                sink.report(
                    .duplicateDialog, d.id.location, "/dialog", "dialog id '\(d.id.value)' is already used",
                    hint: "first declared in \(first.file) at line \(first.line); give each file its own id")
                graphIsSound = false
                continue
            }
            byId[d.id.value] = (d.file, d.id.location.line)
            unique.append(d)
        }
        dialogs = []
        if let main = unique.first(where: { $0.id.value == "main" }) { mainDefaults = (main.defaultSkip, main.defaultAttempts) }
        var placeCount = 0
        for d in unique {
            var places = [String: Int](minimumCapacity: d.nodes.count)
            for (k, node) in d.nodes.enumerated() { places[node.name.value] = placeCount + k }
            nodePlaces[d.id.value] = places
            facts.dialogPlaces[d.id.value] = placeCount..<(placeCount + d.nodes.count)
            placeCount += d.nodes.count
        }
        facts.nodePlaces = nodePlaces
        // Slots, documents, interrupts: global names.
        let slotCount = unique.reduce(0) { $0 + $1.slots.count }
        slots.reserveCapacity(slotCount)
        slotOrder.reserveCapacity(slotCount)
        slotDefinitions.reserveCapacity(slotCount)
        // Slot numbers by the file that declares them (looked up once per run of slots from one file).
        var slotsOfFile: [Int] = []
        var slotsFile: String?
        for k in unique.indices {
            let d = unique[k]
            defer { unique[k].slots = [] }
            for s in d.slots {
                if let first = slots[s.name.value] {
                    sink.report(
                        .duplicateDeclaration, s.name.location, Pointer.join("/slots", s.name.value),
                        "slot '\(s.name.value)' is already declared",
                        hint: "first declared at \(slotDefinitions[first].location); slots are global, declare each once")
                    continue
                }
                let number = slotDefinitions.count
                slots[s.name.value] = number
                slotOrder.append(s.name.value)
                if s.name.location.file != slotsFile {
                    if let file = slotsFile { facts.slotsByFile[file, default: []] += slotsOfFile }
                    slotsFile = s.name.location.file
                    slotsOfFile = []
                }
                slotsOfFile.append(number)
                slotDefinitions.append(SlotDefinition(name: s.name.value, type: s.type, label: s.label, location: s.name.location))
                if !s.units.isEmpty { slotDefinitions[number].units = s.units }
                slotDefinitions[number].inSummary = s.inSummary
                if s.ordered { orderedSlots[s.name.value] = s.type.options.map(\.value) }
                if let unit = s.unit { spokenUnits[s.name.value] = Self.spokenUnits(own: unit, units: s.units) }
                checkOverlaps(s)
            }
        }
        if let file = slotsFile { facts.slotsByFile[file, default: []] += slotsOfFile }
        facts.slotCount = slotDefinitions.count
        var documentLocations: [String: SourceLocation] = [:]
        for d in unique {
            for doc in d.documents {
                if let first = documentLocations[doc.id.value] {
                    sink.report(
                        .duplicateDeclaration, doc.id.location, doc.pointer, "document '\(doc.id.value)' is already declared",
                        hint: "first declared at \(first)")
                    continue
                }
                documentLocations[doc.id.value] = doc.id.location
                documentIds.insert(doc.id.value)
            }
        }
        // Starts.
        for d in unique {
            guard let start = d.start else { continue }
            if let place = nodePlaces[d.id.value]?[start.value] {
                starts[d.id.value] = Target(id: NodeID(dialog: d.id.value, node: start.value), place: place)
            } else {
                sink.report(
                    .danglingReference, start.location, "/start", "start node '\(start.value)' is not a node of dialog '\(d.id.value)'",
                    hint: Suggestion.hint(for: start.value, in: nodePlaces[d.id.value]?.keys ?? [:].keys))
                graphIsSound = false
            }
        }
        // Nodes.
        // Sized once: nodes are stored by place, one after another (`NodeTable` finds them by id).
        let nodeCount = unique.reduce(0) { $0 + $1.nodes.count }
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        var nodeOrder: [NodeID] = []
        nodeOrder.reserveCapacity(nodeCount)
        facts.prompts.reserveCapacity(nodeCount + nodeCount / 2)
        facts.startIndex(nodeCount: nodeCount)
        var infos: [String: DialogInfo] = [:]
        for k in unique.indices {
            let d = unique[k]
            defer { unique[k].nodes = [] }
            currentDialog = d.id.value
            currentPlaces = nodePlaces[d.id.value] ?? [:]
            for raw in d.nodes {
                let node = linkNode(raw, in: d, place: nodeOrder.count)
                nodeOrder.append(node.id)
                nodes.append(node)
            }
            currentDialog = ""
            currentPlaces = [:]
            if let start = starts[d.id.value] {
                infos[d.id.value] = DialogInfo(
                    id: d.id.value, title: d.title, start: start.id, file: d.file, location: d.id.location,
                    nodes: d.nodes.map(\.name.value))
            }
        }
        // Interrupts.
        var interrupts: [Interrupt] = []
        var interruptIds: [String: SourceLocation] = [:]
        for d in unique {
            for i in d.interrupts {
                if let first = interruptIds[i.id.value] {
                    sink.report(
                        .duplicateDeclaration, i.id.location, Pointer.join(i.pointer, "id"), "interrupt '\(i.id.value)' is already declared",
                        hint: "first declared at \(first)")
                    continue
                }
                interruptIds[i.id.value] = i.id.location
                guard let target = resolve(i.target, from: d.id.value, pointer: Pointer.join(i.pointer, "goto")) else { continue }
                var check: NodeID?
                var entries = [target.place]
                if let c = i.check {
                    guard let resolved = resolve(c, from: d.id.value, pointer: Pointer.join(i.pointer, "check")) else { continue }
                    check = resolved.id
                    entries.append(resolved.place)
                }
                var about: String?
                if let a = i.about, let number = aboutSlot(a, interrupt: i.id.value, pointer: Pointer.join(i.pointer, "about")) {
                    about = a.value
                    // The slot is set as the interrupt's flow starts.
                    for place in entries { facts.writes.add(number, to: place) }
                }
                interrupts.append(
                    Interrupt(
                        id: i.id.value, keywords: i.keywords, matcher: PhraseMatcher(phrases: i.keywords), target: target.id,
                        resume: i.resume, urgent: i.urgent || i.redFlag != nil, priority: i.priority, location: i.location,
                        redFlag: i.redFlag?.value, check: check, examples: i.examples.map(\.value), questions: i.questions, about: about))
            }
        }
        interrupts = interrupts.enumerated().sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }.map(\.element)
        // Documents.
        var documents: [String: DocumentTemplate] = [:]
        var documentOrder: [String] = []
        for d in unique {
            for doc in d.documents where documents[doc.id.value] == nil && documentLocations[doc.id.value] == doc.id.location {
                documents[doc.id.value] = linkDocument(doc, in: d)
                documentOrder.append(doc.id.value)
            }
        }
        // Properties.
        var properties: [PathProperty] = []
        for d in unique {
            for p in d.properties {
                if let property = linkProperty(p, in: d) { properties.append(property) }
            }
        }
        // Entry point.
        let entry: NodeID?
        if let main = starts["main"] {
            entry = main.id
        } else if unique.count == 1, let only = unique.first, let start = starts[only.id.value] {
            entry = start.id
        } else {
            entry = nil
            // When a file could not be read, 'main' is probably in it: say nothing more.
            let unreadable = sink.items.contains { $0.code == .malformedJSON || $0.code == .limitExceeded }
            if byId["main"] == nil, !unreadable, let first = unique.first {
                sink.report(
                    .danglingReference, first.id.location, "/dialog",
                    "no dialog is called 'main', so the conversation has no beginning",
                    hint: "name the first dialog 'main' (\"dialog\": \"main\")")
            }
            graphIsSound = false
        }
        reportUnchecked()
        let linkerReportedShapeErrors = sink.items[before...].contains {
            [.danglingReference, .missingContinuation, .duplicateDialog].contains($0.code)
        }
        if linkerReportedShapeErrors { graphIsSound = false }
        guard let entry else { return nil }
        var slotTable = [String: SlotDefinition](minimumCapacity: slotDefinitions.count)
        for number in slotDefinitions.indices { slotTable[slotOrder[number]] = slotDefinitions[number] }
        return DialogGraph(
            dialogs: infos, dialogOrder: unique.map(\.id.value), nodes: NodeTable(nodes: nodes, places: nodePlaces), nodeOrder: nodeOrder, slots: slotTable,
            slotOrder: slotOrder, interrupts: interrupts, documents: documents, documentOrder: documentOrder,
            properties: properties, entry: entry)
    }

    // MARK: - Nodes

    /// `place` is the node's place in the graph's `nodeOrder` (how lint facts name it).
    private mutating func linkNode(_ raw: RawNode, in dialog: RawDialog, place: Int) -> Node {
        let id = NodeID(dialog: dialog.id.value, node: raw.name.value)
        var node = Node(id: id, location: raw.name.location, exit: .end)
        if !raw.set.isEmpty { node.assignments.reserveCapacity(raw.set.count) }
        for (slotName, valueNode) in raw.set {
            let pointer = { ShapeReader.join(raw.pointer + "/set", slotName.value) }
            guard let number = slotNumber(slotName, pointer: pointer()) else { continue }
            if let value = value(valueNode, in: dialog.file, for: slotDefinitions[number], pointer: pointer()) {
                node.assignments.append(Assignment(slot: slotOrder[number], value: value))
                facts.writes.add(number, to: place)
            }
        }
        node.say.reserveCapacity(raw.say.count)
        for (i, say) in raw.say.enumerated() {
            let index = raw.say.count == 1 ? nil : i
            let sayPointer = Pointer.join(raw.pointer + "/say", index)
            let reads = (place, LintFacts.ReadPlace.say(raw.name.value, index))
            guard let when = say.when else {
                if let t = template(say.text, pointer: sayPointer, reads: reads) {
                    node.say.append(t)
                    facts.prompts.append(
                        LintFacts.Prompt(text: say.text.value, location: say.text.location, node: raw.name.value, suffix: "/say", index: index))
                }
                continue
            }
            // `{ "when": …, "text": …, "else": … }`: one text whose words the condition chooses.
            guard let c = condition(when, pointer: sayPointer + "/when", code: .conditionType, reads: reads) else { continue }
            let then = template(say.text, pointer: sayPointer + "/text", reads: reads, guarded: c.answeredWhenTrue())
            var otherwise: Template?
            if let e = say.otherwise {
                guard let t = template(e, pointer: sayPointer + "/else", reads: reads) else { continue }
                otherwise = t
            }
            guard let then else { continue }
            node.say.append(Template(segments: [.choose(c, then: then.segments, otherwise: otherwise?.segments ?? [])]))
            for text in [say.text] + (say.otherwise.map { [$0] } ?? []) {
                facts.prompts.append(LintFacts.Prompt(text: text.value, location: text.location, node: raw.name.value, suffix: "/say", index: index))
            }
        }
        for (i, doc) in raw.documents.enumerated() where !documentIds.contains(doc.value) {
            if isUnchecked() { continue }
            sink.report(
                .unknownDocument, doc.location, Pointer.join(raw.pointer + "/documents", i), "no document is called '\(doc.value)'",
                hint: Suggestion.hint(for: doc.value, in: documentIds) ?? "declare it under \"documents\" in a dialog file")
        }
        node.documents = raw.documents.map(\.value).filter { documentIds.contains($0) }
        if !node.documents.isEmpty { facts.shownDocuments.append((place, node.documents)) }
        if let why = raw.why {
            node.why = why.value
            facts.prompts.append(LintFacts.Prompt(text: why.value, location: why.location, node: raw.name.value, suffix: "/why"))
        }
        if let ask = raw.ask { node.question = question(ask, node: place, in: dialog) }
        // Exit: exactly one way on.
        var ways = 0
        if raw.next != nil && raw.call == nil { ways += 1 }
        if raw.call != nil { ways += 1 }
        if raw.returns { ways += 1 }
        if raw.pause { ways += 1 }
        if raw.end { ways += 1 }
        var edges: [Edge] = []
        // Where the edges lead, by place, for the lint facts.
        var edgePlaces: [Int] = []
        if let next = raw.next { edges = linkEdges(next, node: id, place: place, places: &edgePlaces) }
        if ways == 0, raw.misspeltExit {
            graphIsSound = false  // the misspelt key's E010 is the cause; graph checks would only repeat it
        } else if ways == 0 {
            sink.report(
                .missingContinuation, raw.name.location, raw.pointer, "node '\(raw.name.value)' has no way on",
                hint: "add \"next\", \"call\" with \"next\", \"return\": true, \"pause\": true or \"end\": true")
        } else if ways > 1 {
            sink.report(
                .missingContinuation, raw.name.location, raw.pointer,
                "node '\(raw.name.value)' has more than one way on (\(exitNames(raw)))",
                hint: "keep one: \"next\", \"call\" with \"next\", \"return\", \"pause\" or \"end\"")
        } else if let call = raw.call {
            if raw.next == nil {
                sink.report(
                    .missingContinuation, raw.name.location, raw.pointer,
                    "node '\(raw.name.value)' calls '\(call.value)' but has no \"next\" to continue with afterwards",
                    hint: "add \"next\": the node to go to when the called dialog returns")
            }
            if let target = resolve(call, from: dialog.id.value, pointer: raw.pointer + "/call", preferDialog: true) {
                node.exit = .call(target.id, then: edges)
                edgePlaces.append(target.place)
            }
        } else if raw.returns || raw.pause {
            node.exit = .returns
            node.pauses = raw.pause
        } else if raw.end {
            node.exit = .end
        } else {
            node.exit = .next(edges)
        }
        if let next = raw.next, let last = next.last, last.condition != nil, ways == 1 {
            sink.report(
                .missingContinuation, raw.name.location, raw.pointer,
                "node '\(raw.name.value)' has no way on when none of its conditions hold",
                hint: "end the \"next\" list with an edge without \"if\", e.g. { \"goto\": \"…\" }")
        }
        // What the lint passes need, by place: where its edges (then a call) lead, whether it ends or
        // asks (the slots it sets or asks were noted as they were linked).
        switch node.exit {
        case .end, .returns:
            facts.isTerminal[place] = true
            if case .returns = node.exit { facts.isReturn[place] = true }
        case .call:
            facts.isCall[place] = true
            for p in edgePlaces { facts.successors.add(p, to: place) }
        case .next:
            for p in edgePlaces { facts.successors.add(p, to: place) }
        }
        facts.isSilent[place] = node.question == nil
        return node
    }

    /// The place in `nodeOrder` of a node that exists.
    func place(of id: NodeID) -> Int? { nodePlaces[id.dialog]?[id.node] }

    private func exitNames(_ raw: RawNode) -> String {
        var names: [String] = []
        if raw.next != nil { names.append("next") }
        if raw.call != nil { names.append("call") }
        if raw.returns { names.append("return") }
        if raw.pause { names.append("pause") }
        if raw.end { names.append("end") }
        return names.joined(separator: ", ")
    }

    private mutating func linkEdges(_ raw: [RawEdge], node: NodeID, place: Int, places: inout [Int]) -> [Edge] {
        let nodePointer = { RawNode.pointer(node.node) }
        var edges: [Edge] = []
        edges.reserveCapacity(raw.count)
        places.reserveCapacity(raw.count + 1)
        var unconditionalSeen = false
        for e in raw {
            if unconditionalSeen {
                sink.report(
                    .shadowedEdge, e.location, e.pointer(in: nodePointer()), "this edge can never be taken: an earlier edge has no condition",
                    hint: "move the edge without \"if\" to the end of the list")
            }
            var condition: Condition?
            if let c = e.condition {
                condition =
                    self.condition(
                        c, pointer: e.pointer(in: nodePointer()) + "/if", code: .conditionType,
                        reads: (place, .edge(node.node, e.index))) ?? .constant(true)
            } else {
                unconditionalSeen = true
            }
            if let target = resolve(
                e.target, from: node.dialog, pointer: e.pointer(in: nodePointer()) + (e.index == nil ? "" : "/goto"))
            {
                edges.append(Edge(condition: condition, target: target.id, location: e.location))
                places.append(target.place)
            }
        }
        return edges
    }

    /// `dialog`'s `defaults` (then `main`'s) fill in `skip` and `attempts` when the question leaves them out.
    private mutating func question(_ raw: RawAsk, node: Int, in dialog: RawDialog) -> Question? {
        if raw.reprompt == nil, !raw.misspeltReprompt {
            sink.report(
                .missingReprompt, raw.location, raw.pointer, "this question has no re-prompt",
                hint: "add \"reprompt\": what to say when an answer cannot be used, naming what is accepted")
        }
        var attempts = 3
        if let a = raw.attempts ?? dialog.defaultAttempts ?? mainDefaults.attempts {
            if a.value < 1 || a.value > 10 {
                sink.report(
                    .unboundedAttempts, a.location, raw.pointer + "/attempts", "'attempts' is \(a.value); it must be from 1 to 10",
                    hint: "2 or 3 is usually right")
            } else {
                attempts = a.value
            }
        } else if !raw.misspeltAttempts {
            sink.report(
                .unboundedAttempts, raw.location, raw.pointer, "this question has no bounded number of attempts",
                hint: "add \"attempts\": 3 (after that many unusable answers the conversation moves on)")
        }
        guard let slotName = raw.slot, let number = slotNumber(slotName, pointer: raw.pointer + "/slot") else { return nil }
        let def = slotDefinitions[number]
        var reprompt = Template(segments: [])
        if let r = raw.reprompt, let t = template(r, pointer: raw.pointer + "/reprompt", reads: (node, .reprompt(raw.nodeName))) {
            reprompt = t
            facts.prompts.append(LintFacts.Prompt(text: r.value, location: r.location, node: raw.nodeName, suffix: "/ask/reprompt"))
        }
        facts.writes.add(number, to: node)
        if raw.place {
            // A place answer also sets the country's details (`country.code`, `country.emergency` …).
            for (i, other) in slotDefinitions.enumerated() where other.name.hasPrefix(def.name + ".") { facts.writes.add(i, to: node) }
        }
        if raw.person, let i = slotDefinitions.firstIndex(where: { $0.name == def.name + ".name" }) {
            // A person's answer also sets their name (`records.doctor.name`).
            facts.writes.add(i, to: node)
        }
        var map: KeywordMap?
        if let m = raw.map, let (built, mapSlot) = keywordMap(m, askSlot: def) {
            map = built
            facts.writes.add(mapSlot, to: node)
        }
        return Question(
            slot: def.name, reprompt: reprompt, attempts: attempts, skippable: raw.skip ?? dialog.defaultSkip ?? mainDefaults.skip ?? true,
            matcher: AnswerMatcher(type: def.type), map: map, location: raw.location, place: raw.place, person: raw.person,
            yes: yesNoConcepts(raw.yes, raw, "yes", type: def.type), no: yesNoConcepts(raw.no, raw, "no", type: def.type))
    }

    /// A question's `yes` or `no` phrases: concepts of the language data, written `@name`, on a yes/no slot.
    /// (That each names a declared concept is checked with the language data: `LanguageLoader`.)
    private mutating func yesNoConcepts(_ raw: [Located<String>], _ ask: RawAsk, _ key: String, type: SlotType) -> [String] {
        guard !raw.isEmpty else { return [] }
        // A text question may name "no" phrases: said alone ("no", "nothing new"), they mean none.
        if type != .bool && !(type == .text && key == "no") {
            sink.report(
                .invalidValue, raw[0].location, ask.pointer + "/" + key,
                key == "no" ? "'no' applies only to yes/no and text questions" : "'\(key)' applies only to yes/no questions",
                hint: "remove it, or ask a slot of \"type\": \"bool\"")
            return []
        }
        var out: [String] = []
        for (i, item) in raw.enumerated() {
            guard item.value.hasPrefix("@"), item.value.count > 1 else {
                sink.report(
                    .invalidValue, item.location, ask.pointer + "/\(key)/\(i)", "'\(item.value)' is not a concept",
                    hint: "name a concept of the language data, like \"@companion_yes\", and put the phrases there")
                continue
            }
            out.append(String(item.value.dropFirst()))
        }
        return out
    }

    /// The map, with the number of the slot it sets.
    private mutating func keywordMap(_ raw: RawMap, askSlot: SlotDefinition) -> (KeywordMap, Int)? {
        // A yes/no or choice answer can say more than the answer ("no, but I have lasting power of
        // attorney"; "Original Medicare, with a Medigap plan G"): a map keeps that too.
        switch askSlot.type {
        case .text, .bool, .choice: break
        default:
            sink.report(
                .invalidMap, raw.location, raw.pointer,
                "'map' works only on questions with a text, yes/no or choice slot; '\(askSlot.name)' is \(askSlot.type.name)",
                hint: "a map reads what else an answer says into a choice or multi slot; ask a text, yes/no or choice slot")
            return nil
        }
        guard let slotName = raw.slot, let number = slotNumber(slotName, pointer: raw.pointer + "/slot") else { return nil }
        let def = slotDefinitions[number]
        switch def.type {
        case .choice: return buildMap(raw, def: def, options: def.type.options, multi: false).map { ($0, number) }
        case .multi: return buildMap(raw, def: def, options: def.type.options, multi: true).map { ($0, number) }
        default:
            sink.report(
                .invalidMap, raw.location, raw.pointer,
                "'map' must target a choice or multi slot; '\(def.name)' is \(def.type.name)")
            return nil
        }
    }

    private func buildMap(_ raw: RawMap, def: SlotDefinition, options: [Option], multi: Bool) -> KeywordMap? {
        let values = options.map(\.value)
        var ok = true
        for (i, rule) in raw.rules.enumerated() where !values.contains(rule.value.value) {
            sink.report(
                .invalidMap, rule.value.location, raw.pointer + "/rules/\(i)/value",
                "'\(rule.value.value)' is not an option of slot '\(def.name)'",
                hint: Suggestion.hint(for: rule.value.value, in: values) ?? "options: " + values.joined(separator: ", "))
            ok = false
        }
        if let d = raw.defaultValue, !values.contains(d.value) {
            sink.report(
                .invalidMap, d.location, raw.pointer + "/default", "'\(d.value)' is not an option of slot '\(def.name)'",
                hint: Suggestion.hint(for: d.value, in: values))
            ok = false
        }
        if let reads = raw.reads, !["line", "answer"].contains(reads.value) {
            sink.report(
                .invalidMap, reads.location, raw.pointer + "/in", "'\(reads.value)' is not where a map can read",
                hint: Suggestion.hint(for: reads.value, in: ["line", "answer"]) ?? "use \"line\" (the whole line typed) or \"answer\" (the answer kept)")
            ok = false
        }
        guard ok else { return nil }
        return KeywordMap(
            slot: def.name, rules: raw.rules.map { .init(value: $0.value.value, matcher: PhraseMatcher(phrases: $0.keywords)) },
            defaultValue: raw.defaultValue?.value, isMulti: multi, inAnswer: raw.reads?.value == "answer")
    }

    // MARK: - Documents and properties

    private mutating func linkDocument(_ raw: RawDocument, in dialog: RawDialog) -> DocumentTemplate {
        var title = Template(segments: [.text(raw.id.value)])
        if let t = raw.title, let compiled = template(t, pointer: raw.pointer + "/title", reads: (-1, .document(raw.id.value, raw.pointer + "/title"))) {
            title = compiled
        }
        var items: [DocumentTemplate.Item] = []
        for item in raw.items {
            var condition: Condition?
            if let w = item.when {
                guard
                    let c = self.condition(
                        w, pointer: item.pointer + "/when", code: .documentCondition, reads: (-1, .document(raw.id.value, item.pointer + "/when")))
                else { continue }
                condition = c
            }
            let textPointer = item.pointer + "/" + item.kind.rawValue
            let guarded = condition?.answeredWhenTrue() ?? []
            guard let t = template(item.text, pointer: textPointer, reads: (-1, .document(raw.id.value, textPointer)), guarded: guarded)
            else { continue }
            items.append(.init(kind: item.kind, template: t, condition: condition, location: item.location, sources: item.sources.map(\.value)))
            // `else`: an item of the same kind, shown exactly when the first is not.
            if let otherwise = item.otherwise, let condition {
                let elsePointer = item.pointer + "/else"
                guard let e = template(otherwise, pointer: elsePointer, reads: (-1, .document(raw.id.value, elsePointer))) else { continue }
                items.append(.init(kind: item.kind, template: e, condition: .not(condition), location: item.location, sources: item.sources.map(\.value)))
            }
        }
        var document = DocumentTemplate(id: raw.id.value, title: title, items: items, location: raw.location)
        document.marks = raw.marks
        return document
    }

    private mutating func linkProperty(_ raw: RawProperty, in dialog: RawDialog) -> PathProperty? {
        func ref(_ r: Located<String>?, _ key: String) -> NodeID? {
            guard let r else {
                sink.report(
                    .invalidProperty, raw.location, raw.pointer, "a '\(raw.kind.value)' property needs '\(key)'",
                    hint: "add \"\(key)\": a node reference")
                return nil
            }
            guard let id = resolveQuietly(r.value, from: dialog.id.value)?.id else {
                if isUnchecked() { return nil }
                sink.report(
                    .invalidProperty, raw.location, raw.pointer, "property '\(raw.id.value)' names no node '\(r.value)'",
                    hint: Suggestion.hint(for: r.value, in: referenceCandidates(from: dialog.id.value)))
                return nil
            }
            return id
        }
        /// The property's non-empty phrases, or nil when it has none (reported, with `example` in the hint).
        func requiredPhrases(_ example: String) -> [String]? {
            let phrases = (raw.phrases ?? []).map(\.value).filter { !$0.isEmpty }
            guard phrases.isEmpty else { return phrases }
            sink.report(
                .invalidProperty, raw.location, raw.pointer, "a '\(raw.kind.value)' property needs 'phrases'",
                hint: "add \"phrases\": " + example)
            return nil
        }
        var when: Condition?
        if let w = raw.when {
            guard let c = condition(w, pointer: raw.pointer + "/when", code: .conditionType, reads: nil) else { return nil }
            when = c
        }
        let rule: PathProperty.Rule
        switch raw.kind.value {
        case "before":
            guard let first = ref(raw.first, "first"), let then = ref(raw.then, "then") else { return nil }
            rule = .before(first: first, then: then)
        case "never":
            guard let node = ref(raw.node, "node") else { return nil }
            rule = .never(node: node, when: when)
        case "always_reaches":
            guard let node = ref(raw.node, "node") else { return nil }
            rule = .alwaysReaches(node: node, when: when)
        case "never_writes":
            guard let phrases = requiredPhrases("the words no document may contain, like [\"my main problem\"]") else { return nil }
            rule = .neverWrites(phrases: phrases, when: when)
        case "never_says":
            guard let phrases = requiredPhrases("the words nothing said may contain, like [\"your health\"]") else { return nil }
            rule = .neverSays(phrases: phrases, when: when)
        case "always_writes":
            guard let phrases = requiredPhrases("words every document must contain, like [\"{{country.emergency\"]") else { return nil }
            rule = .alwaysWrites(phrases: phrases, when: when)
        case "never_answers":
            guard let phrases = requiredPhrases("answers no document may show, like [\"don't know\"]") else { return nil }
            rule = .neverAnswers(phrases: phrases)
        default:
            sink.report(
                .invalidProperty, raw.location, raw.pointer, "unknown property kind '\(raw.kind.value)'",
                hint: Suggestion.hint(
                    for: raw.kind.value, in: ["before", "never", "always_reaches", "never_writes", "never_says", "always_writes", "never_answers"])
                    ?? "use before, never, always_reaches, never_writes, never_says, always_writes or never_answers")
            return nil
        }
        return PathProperty(id: raw.id.value, description: raw.description, rule: rule, location: raw.location)
    }

    // MARK: - References, slots, values

    /// Every name a reference from `dialog` could mean, built once per dialog (a file with thousands
    /// of broken references must not rebuild and sort it thousands of times).
    private mutating func referenceCandidates(from dialog: String) -> [String] {
        if let cached = candidateCache[dialog] { return cached }
        let names = buildCandidates(from: dialog)
        candidateCache[dialog] = names
        return names
    }

    private func buildCandidates(from dialog: String) -> [String] {
        var names = Array(nodePlaces[dialog]?.keys ?? [:].keys)
        for (d, nodes) in nodePlaces.mapValues(\.keys) {
            names.append(d)
            names += nodes.map { "\(d).\($0)" }
        }
        return names.sorted()
    }

    /// Resolves a reference: a node of this dialog, `dialog.node`, or a bare dialog id (its start).
    /// `call` prefers a dialog id over a same-named local node, since calls are to dialogs.
    func resolveQuietly(_ ref: String, from dialog: String, preferDialog: Bool = false) -> Target? {
        if preferDialog, let start = starts[ref] { return start }
        let local = dialog == currentDialog ? currentPlaces : nodePlaces[dialog]
        if let place = local?[ref] { return Target(id: NodeID(dialog: dialog, node: ref), place: place) }
        if let id = NodeID(qualified: ref), let place = nodePlaces[id.dialog]?[id.node] { return Target(id: id, place: place) }
        if let start = starts[ref] { return start }
        return nil
    }

    private mutating func resolve(
        _ ref: Located<String>, from dialog: String, pointer: @autoclosure () -> String, preferDialog: Bool = false
    ) -> Target? {
        if let id = resolveQuietly(ref.value, from: dialog, preferDialog: preferDialog) { return id }
        // It may name a node of a file that could not be parsed: not a new problem.
        if isUnchecked() {
            graphIsSound = false
            return nil
        }
        var message = "'\(ref.value)' names no node or dialog"
        if let id = NodeID(qualified: ref.value) {
            message = nodePlaces[id.dialog] == nil
                ? "'\(ref.value)' names no node: there is no dialog '\(id.dialog)'"
                : "'\(ref.value)' names no node: dialog '\(id.dialog)' has no node '\(id.node)'"
        }
        hintsGiven += 1
        let hint = hintsGiven <= Self.maxHints ? Suggestion.hint(for: ref.value, in: referenceCandidates(from: dialog)) : nil
        sink.report(.danglingReference, ref.location, pointer(), message, hint: hint)
        graphIsSound = false
        return nil
    }

    /// True (and counted) when a file did not parse, so a name found nowhere may be declared there.
    private mutating func isUnchecked() -> Bool {
        guard !unparsed.isEmpty else { return false }
        unchecked += 1
        return true
    }

    /// One diagnostic for every name left unchecked, at the first unparsed file's problem.
    private mutating func reportUnchecked() {
        guard unchecked > 0, let first = unparsed.first else { return }
        let names = unparsed.map { $0.location.file.split(separator: "/").last.map(String.init) ?? $0.location.file }
        let files = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        let it = names.count == 1 ? "it did not parse" : "they did not parse"
        sink.report(
            .uncheckedReferences, first.location, "",
            "\(unchecked) reference\(unchecked == 1 ? "" : "s") into \(files) not checked: \(it)",
            hint: "fix the error above; every reference is checked once the file parses")
    }

    /// The slot's number (its place in `slotDefinitions`), or nil after reporting it unknown.
    private mutating func slotNumber(_ name: Located<String>, pointer: @autoclosure () -> String) -> Int? {
        if let number = slots[name.value] { return number }
        if isUnchecked() { return nil }
        sink.report(
            .unknownSlot, name.location, pointer(), "no slot is called '\(name.value)'",
            hint: Suggestion.hint(for: name.value, in: slotOrder) ?? "declare it under \"slots\" in a dialog file")
        return nil
    }

    /// The number of an interrupt's `about` slot: a declared choice slot with an option for each kind of
    /// person (`Subject`); nil after reporting it.
    private mutating func aboutSlot(_ name: Located<String>, interrupt: String, pointer: String) -> Int? {
        guard let number = slotNumber(name, pointer: pointer) else { return nil }
        let values = Subject.allCases.map(\.rawValue)
        let options = slotDefinitions[number].type.options.map(\.value)
        let missing = values.filter { !options.contains($0) }
        guard case .choice = slotDefinitions[number].type, missing.isEmpty else {
            let kind: String
            if case .choice = slotDefinitions[number].type { kind = "has no option " + missing.map { "'\($0)'" }.joined(separator: ", ") } else { kind = "is not a choice slot" }
            sink.report(
                .valueTypeMismatch, name.location, pointer,
                "interrupt '\(interrupt)' sets '\(name.value)' to who its red flag is about (\(values.map { "'\($0)'" }.joined(separator: ", "))), but the slot \(kind)",
                hint: "declare it as a choice with the options " + values.joined(separator: ", "))
            return nil
        }
        return number
    }

    /// A JSON literal as a value of the slot's type, or nil after reporting E044.
    private func value(_ node: JSONNode, in file: String, for def: SlotDefinition, pointer: @autoclosure () -> String) -> Value? {
        let options = def.type.options.map(\.value)
        switch (def.type, node.value) {
        case (.bool, .bool(let b)): return .bool(b)
        case (.number(let min, let max, let integer), .number(let n)):
            if let min, n < min { break }
            if let max, n > max { break }
            if integer, n != n.rounded() { break }
            return .number(n)
        case (.text, .string(let s)): return .text(s)
        case (.choice, .string(let s)) where options.contains(s): return .choice(s)
        case (.multi, .array(let items)):
            var chosen: [String] = []
            for item in items {
                guard case .string(let s) = item.value, options.contains(s) else { chosen = ["\u{0}"]; break }
                chosen.append(s)
            }
            if chosen != ["\u{0}"] { return .set(options.filter { chosen.contains($0) }) }
        default: break
        }
        var hint: String?
        switch def.type {
        case .bool: hint = "use true or false"
        case .number(let min, let max, let integer):
            hint = "use a\(integer ? " whole" : "") number" + (min.map { " from \(Value.format($0))" } ?? "") + (max.map { " up to \(Value.format($0))" } ?? "")
        case .text: hint = "use a string"
        case .choice: hint = "use one of: " + options.joined(separator: ", ")
        case .multi: hint = "use a list of: " + options.joined(separator: ", ")
        }
        if case .string(let s) = node.value, let close = Suggestion.closest(to: s, in: options) { hint = "did you mean '\(close)'?" }
        sink.report(
            .valueTypeMismatch, node.location(in: file), pointer(),
            "\(node.value.typeAndValue) does not fit \(def.type.name) slot '\(def.name)'", hint: hint)
        return nil
    }

    private func checkOverlaps(_ slot: RawSlot) {
        // Keyed by the word's tokens (tokens hold no spaces, so equal lists are equal joined texts).
        // A slot's few words are compared in a list; a table is built only for long option lists.
        guard slot.optionWords.count > 1 else { return }  // one word cannot overlap another
        let small = slot.optionWords.count <= 16
        var few: [(key: String, owner: String)] = []
        var seen: [String: String] = [:]
        if small { few.reserveCapacity(slot.optionWords.count) } else { seen.reserveCapacity(slot.optionWords.count) }
        for word in slot.optionWords where !word.text.hasPrefix("@") {
            let key = TextNormalizer.key(word.text)
            guard !key.isEmpty else { continue }
            let owner = small ? few.first(where: { $0.key == key })?.owner : seen[key]
            if let owner {
                guard owner != word.value else { continue }
                sink.report(
                    .overlappingSynonyms, word.location,
                    Pointer.join("/slots", slot.name.value) + "…" + slot.optionPointer(word.option, synonym: word.synonym),
                    "'\(word.text)' selects both '\(owner)' and '\(word.value)' in slot '\(slot.name.value)'",
                    hint: "keep the word on one option only")
            } else if small {
                few.append((key, word.value))
            } else {
                seen[key] = word.value
            }
        }
    }

    // MARK: - Conditions and templates

    /// `reads`: the node (by place) whose reads to record for the read-before-set lint, and where they are.
    private mutating func condition(
        _ source: Located<String>, pointer: @autoclosure () -> String, code: DiagnosticCode,
        reads readsAt: (node: Int, at: LintFacts.ReadPlace)?
    ) -> Condition? {
        var parsed: Condition
        switch ConditionParser.parse(source.value) {
        case .failure(let e):
            // Columns in messages count in the file, as the location does.
            let message = e.opened.map { e.message(openedAtColumn: source.location.inString(offset: $0).column) } ?? e.message
            sink.report(
                e.isDepthLimit ? .conditionTooDeep : .conditionSyntax, source.location.inString(offset: e.offset), pointer(), message,
                hint: e.hint ?? "write conditions like: country == 'uk' and not answered(plan)")
            return nil
        case .success(let c): parsed = c
        }
        let issues = ConditionChecker.check(
            parsed, slotType: { name in slots[name].map { slotDefinitions[$0].type } }, slotNames: slotOrder, source: source.value,
            ordered: Set(orderedSlots.keys))
        for issue in issues {
            let c: DiagnosticCode
            switch issue.kind {
            case .unknownSlot:
                if isUnchecked() { continue }
                c = code
            case .typeMismatch: c = .conditionType
            case .impossibleValue: c = .impossibleValue
            }
            sink.report(c, source.location.inString(offset: issue.offset), pointer(), issue.message, hint: issue.hint)
        }
        guard issues.isEmpty else { return nil }
        if !orderedSlots.isEmpty { parsed = parsed.expandingOrderedChoices { orderedSlots[$0] } }
        if let readsAt {
            var reads: [String] = []
            var guarded: [String] = []
            parsed.collectReads(into: &reads, guarded: &guarded)
            if !guarded.isEmpty { reads.removeAll { guarded.contains($0) } }
            if !reads.isEmpty { recordReads(reads, in: source, at: readsAt.at, node: readsAt.node, condition: true) }
        }
        return parsed
    }

    /// `guarded`: slots known to be answered wherever the text is shown (a document item's `when` tests them).
    private mutating func template(
        _ source: Located<String>, pointer: @autoclosure () -> String, reads readsAt: (node: Int, at: LintFacts.ReadPlace)?,
        guarded: Set<String> = []
    ) -> Template? {
        var t: Template
        switch Template.parse(source.value) {
        case .failure(let e):
            sink.report(.templateSlot, source.location.inString(offset: e.offset), pointer(), e.message, hint: e.hint)
            return nil
        case .success(let parsed): t = parsed
        }
        // Most texts have no placeholder: they name and read no slot, so there is nothing to look up.
        if t.isConstant { return t }
        guard let resolved = resolveFormats(t, source: source, pointer: pointer()) else { return nil }
        t = resolved
        var ok = true
        for slot in t.slots where slots[slot] == nil {
            ok = false
            if isUnchecked() { continue }
            sink.report(
                .templateSlot, source.location.inString(offset: offset(of: slot, in: source.value)), pointer(),
                "placeholder '{{\(slot)}}' names no slot",
                hint: Suggestion.hint(for: slot, in: slotOrder) ?? "declare the slot, or remove the placeholder")
            ok = false
        }
        if ok, let readsAt {
            var names = t.slotsWithoutFallback
            if !guarded.isEmpty { names.removeAll { guarded.contains($0) } }
            if !names.isEmpty { recordReads(names, in: source, at: readsAt.at, node: readsAt.node) }
        }
        return ok ? t : nil
    }

    /// The template with each placeholder's phrasing found (`{{purpose.request}}` is slot `purpose`, phrasing
    /// `request`, when no slot is called `purpose.request`) and its filters checked against the slot's
    /// type and filled in (the `about` filter's units, the words filters write); nil after reporting.
    private mutating func resolveFormats(_ t: Template, source: Located<String>, pointer: @autoclosure () -> String) -> Template? {
        var ok = true
        var out: [Template.Segment] = []
        out.reserveCapacity(t.segments.count)
        for segment in t.segments {
            guard case .slot(var name, let fallback, var format) = segment else {
                out.append(segment)
                continue
            }
            let written = name
            let at = { source.location.inString(offset: Self.scalarOffset(of: written, in: source.value)) }
            if slots[name] == nil, let dot = name.lastIndex(of: "."), let number = slots[String(name[..<dot])],
                !slotDefinitions[number].type.options.isEmpty
            {
                let phrasing = String(name[name.index(after: dot)...])
                let def = slotDefinitions[number]
                let lacking = def.type.options.filter { $0.phrasings[phrasing] == nil }
                if lacking.count == def.type.options.count {
                    let known = Set(def.type.options.flatMap(\.phrasings.keys)).sorted()
                    sink.report(
                        .templateSlot, at(), pointer(),
                        "placeholder '{{\(written)}}' names no slot, and no option of '\(def.name)' has a phrasing '\(phrasing)'",
                        hint: Suggestion.hint(for: phrasing, in: known)
                            ?? "add \"as\": { \"\(phrasing)\": \"…\" } to every option of '\(def.name)'")
                    ok = false
                    continue
                }
                if !lacking.isEmpty {
                    sink.report(
                        .templateSlot, at(), pointer(),
                        "the phrasing '\(phrasing)' of '\(def.name)' is missing on option\(lacking.count == 1 ? "" : "s") "
                            + lacking.map { "'\($0.value)'" }.joined(separator: ", "),
                        hint: "add \"as\": { \"\(phrasing)\": \"…\" } to \(lacking.count == 1 ? "it" : "each"), so no answer shows its label instead")
                    ok = false
                    continue
                }
                name = def.name
                format.phrasing = phrasing
            }
            guard let number = slots[name] else {
                out.append(segment)  // reported as an unknown slot by the caller
                continue
            }
            let def = slotDefinitions[number]
            for (i, filter) in format.filters.enumerated() {
                let fits: Bool
                switch (filter.needs, def.type) {
                case (.number, .number), (.multi, .multi), (.text, _): fits = true
                default: fits = false
                }
                guard fits else {
                    let kind = filter.needs == .number ? "a number slot" : "a multi slot"
                    sink.report(
                        .templateSlot, at(), pointer(),
                        "the filter '\(filter.source)' works on \(kind), but '\(def.name)' is \(def.type.name)",
                        hint: filter.needs == .number
                            ? "remove it; round and about are for numbers"
                            : "remove it; a choice shows one option, so it has no list to join")
                    ok = false
                    continue
                }
                switch filter {
                case .about:
                    guard let units = spokenUnits[def.name] else {
                        sink.report(
                            .templateSlot, at(), pointer(),
                            "the filter 'about' needs to know what '\(def.name)' counts, but the slot has no \"unit\"",
                            hint: "add \"unit\": [\"month\", \"months\"] (its name for one and for more) to slot '\(def.name)'")
                        ok = false
                        continue
                    }
                    format.filters[i] = .about(word: filterWords("about"), units: units)
                case .join(let joinName, _):
                    format.filters[i] = .join(name: joinName, word: filterWords(joinName))
                default: break
                }
            }
            out.append(.slot(name, fallback: fallback, format: format))
        }
        return ok ? Template(segments: out) : nil
    }

    /// The units a number slot can be said in: its own (worth 1), and each other worth of its `units`
    /// whose words include a pair where one starts with the other ("year"/"years"; else one word for both).
    static func spokenUnits(own: (one: String, other: String), units: [String: Double]) -> [Template.SpokenUnit] {
        var out = [Template.SpokenUnit(one: own.one, other: own.other, worth: 1)]
        let byWorth = Dictionary(grouping: units.keys, by: { units[$0] ?? 1 })
        for worth in byWorth.keys.sorted() where worth != 1 {
            let words = (byWorth[worth] ?? []).sorted()
            var best: (String, String)?
            for a in words {
                for b in words where b != a && b.hasPrefix(a) && a.count > (best?.0.count ?? 0) { best = (a, b) }
            }
            if let best {
                out.append(.init(one: best.0, other: best.1, worth: worth))
            } else if let longest = words.max(by: { ($0.count, $1) < ($1.count, $0) }) {
                out.append(.init(one: longest, other: longest, worth: worth))
            }
        }
        return out
    }

    /// Remembers where slots are read, for the read-before-set data-flow lint (W064, E066): a node's
    /// reads by its place, a document's (`node` is then ignored) by the document's id.
    private mutating func recordReads(
        _ names: [String], in source: Located<String>, at place: LintFacts.ReadPlace, node: Int, condition: Bool = false
    ) {
        for slot in names {
            guard let number = slots[slot] else { continue }
            let location = source.location.inString(offset: offset(of: slot, in: source.value))
            let read = LintFacts.Read(slot: number, location: location, place: place, inCondition: condition)
            if case .document(let id, _) = place {
                facts.documentReads[id, default: []].append(read)
            } else {
                facts.reads.add(read, to: node)
            }
        }
    }

    /// Scalar offset of the first occurrence of `name` in `source` (0 when absent).
    private func offset(of name: String, in source: String) -> Int {
        Self.scalarOffset(of: name, in: source)
    }

    /// The first occurrence of `name`'s bytes in `source`, counted in scalars (0 when absent).
    static func scalarOffset(of name: String, in source: String) -> Int {
        var name = name
        var source = source
        return name.withUTF8 { needle in
            source.withUTF8 { hay in
                guard let first = needle.first, needle.count <= hay.count else { return 0 }
                var scalars = 0
                var i = 0
                while i + needle.count <= hay.count {
                    let b = hay[i]
                    if b == first {
                        var k = 1
                        while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return scalars }
                    }
                    if b & 0xC0 != 0x80 { scalars += 1 }
                    i += 1
                }
                return 0
            }
        }
    }
}

/// What the linker learned that lint passes need: where slots are read and what prompts say.
struct LintFacts {
    /// Where a read is: its pointer is built only when it is reported.
    enum ReadPlace {
        /// A `say` text of the node of this name (with its index when there are several).
        case say(String, Int?)
        /// The `reprompt` of the question of the node of this name.
        case reprompt(String)
        /// The `if` of an edge of the node of this name (with its index in a `next` list).
        case edge(String, Int?)
        /// A title, item text or `when` of the document of this id, at this pointer.
        case document(String, String)

        var pointer: String {
            switch self {
            case .say(let node, let index): return Pointer.join(RawNode.pointer(node) + "/say", index)
            case .reprompt(let node): return RawNode.pointer(node) + "/ask/reprompt"
            case .edge(let node, let index): return Pointer.join(RawNode.pointer(node) + "/next", index) + "/if"
            case .document(_, let pointer): return pointer
            }
        }
    }
    struct Read {
        /// The slot's number (its place in the graph's `slotOrder`).
        var slot: Int
        var location: SourceLocation
        var place: ReadPlace
        /// A condition's read (a template's otherwise): an unanswered slot makes the test false.
        var inCondition = false
        var pointer: String { place.pointer }
    }
    /// A text to check for plain language; its pointer is built only when it is reported.
    struct Prompt {
        var text: String
        var location: SourceLocation
        /// The name of the node it is in.
        var node: String
        var suffix: String
        var index: Int? = nil
        var pointer: String { Pointer.join(RawNode.pointer(node) + suffix, index) }
    }
    /// Reads by the node's place in `DialogGraph.nodeOrder`.
    var reads = FlatLists<Read>.Builder(count: 0)
    var prompts: [Prompt] = []
    /// Each dialog's places in `nodeOrder` (its nodes are linked one after another).
    var dialogPlaces: [String: Range<Int>] = [:]
    /// Each dialog's node names with their places.
    var nodePlaces: [String: [String: Int]] = [:]
    /// By place: where each node's edges (then its call) lead, in order.
    var successors = FlatLists<Int>.Builder(count: 0)
    /// By place: nodes that end the conversation or return from a call.
    var isTerminal: [Bool] = []
    /// By place: nodes that ask nothing.
    var isSilent: [Bool] = []
    /// By place: nodes that call another dialog.
    var isCall: [Bool] = []
    /// By place: nodes that return from a call (or from an interrupt's flow).
    var isReturn: [Bool] = []
    /// The nodes (by place) that show documents, and the documents each shows.
    var shownDocuments: [(place: Int, documents: [String])] = []
    /// Where each document (by id) reads slots: they are read at every node that shows it.
    var documentReads: [String: [Read]] = [:]
    /// By place: the slots each node sets or asks (including a keyword map's slot), by number.
    var writes = FlatLists<Int>.Builder(count: 0)
    /// How many slots there are (numbered as in the graph's `slotOrder`).
    var slotCount = 0
    /// The slots each file declares, by number in declaration order.
    var slotsByFile: [String: [Int]] = [:]

    /// Sizes the per-node facts for `nodeCount` nodes.
    mutating func startIndex(nodeCount: Int) {
        successors = FlatLists<Int>.Builder(count: nodeCount)
        reads = FlatLists<Read>.Builder(count: nodeCount)
        writes = FlatLists<Int>.Builder(count: nodeCount)
        isTerminal = [Bool](repeating: false, count: nodeCount)
        isSilent = [Bool](repeating: true, count: nodeCount)
        isCall = [Bool](repeating: false, count: nodeCount)
        isReturn = [Bool](repeating: false, count: nodeCount)
    }
}

extension Condition {
    /// The slots read (as in `slotsRead`) and those tested with `answered(…)`, each once, in order.
    func collectReads(into reads: inout [String], guarded: inout [String]) {
        func add(_ name: String, _ list: inout [String]) { if !list.contains(name) { list.append(name) } }
        switch self {
        case .constant: break
        case .slot(let name): add(name, &reads)
        case .answered(let name): add(name, &guarded)
        case .compare(let a, _, let b), .contains(let a, let b):
            if case .slot(let name, _) = a { add(name, &reads) }
            if case .slot(let name, _) = b { add(name, &reads) }
        case .not(let c): c.collectReads(into: &reads, guarded: &guarded)
        case .and(let a, let b), .or(let a, let b):
            a.collectReads(into: &reads, guarded: &guarded)
            b.collectReads(into: &reads, guarded: &guarded)
        }
    }
}
