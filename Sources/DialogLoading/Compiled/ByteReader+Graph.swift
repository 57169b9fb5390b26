import DialogCore

/// Reading a graph written by `ByteWriter+Graph.swift`, in the same order. Matchers are made again from
/// what they were made from (a question's slot type, a rule's phrases); their indexes are built on first
/// use, as after a load.
extension ByteReader {
    /// The graph; `body` is the buffer this reader reads (kept by the graph's nodes, which are decoded
    /// when first used: `CompiledNodes`).
    mutating func graph(body: [UInt8]) throws -> DialogGraph {
        let dialogs = try dictionary { try $0.dialogInfo() }
        let dialogOrder = try strings()
        // Nodes are not decoded here: only where each one lies and its id (the first thing in it) are kept.
        // Each is read through once without keeping anything (`checkOnly`), so a node that would not decode
        // refuses the form here, and the graph's nodes all decode when they are used.
        let nodeCount = try count()
        var spans: [ByteSpan] = []
        var ids: [NodeID] = []
        spans.reserveCapacity(nodeCount)
        ids.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            let span = try self.span()
            var peek = reading(at: Int(span.offset))
            ids.append(try peek.nodeID())
            var check = reading(at: Int(span.offset))
            check.checkOnly = true
            _ = try check.node()
            guard check.offset == span.range.upperBound else { throw CompiledFormError.malformed }
            spans.append(span)
        }
        let places = try dictionary { r in try r.dictionary { try $0.index(below: nodeCount) } }
        try Self.checkPlaces(places, ids: ids)
        let nodes = CompiledNodes(body: body, strings: stringSpans, spans: spans, ids: ids)
        let nodeOrder = try array { try $0.nodeID() }
        let slots = try dictionary { try $0.slotDefinition() }
        let slotOrder = try strings()
        let interrupts = try array { try $0.interrupt() }
        let documents = try dictionary { try $0.documentTemplate() }
        let documentOrder = try strings()
        let properties = try array { try $0.pathProperty() }
        let entry = try nodeID()
        let messages = try dictionary { try $0.string() }
        var graph = DialogGraph(
            dialogs: dialogs, dialogOrder: dialogOrder, nodes: NodeTable(source: nodes, places: places), nodeOrder: nodeOrder,
            slots: slots, slotOrder: slotOrder, interrupts: interrupts, documents: documents, documentOrder: documentOrder,
            properties: properties, entry: entry)
        graph.messages = Messages(texts: messages)
        graph.sources = try optional { try $0.sourceCatalog() }
        graph.commands = CommandTable(
            phrases: try array { r in
                guard let command = CommandName(rawValue: try r.string()) else { throw CompiledFormError.malformed }
                return CommandTable.Phrase(command: command, words: try r.string(), takesFile: try r.bool())
            })
        return graph
    }

    /// Checks that the place table names every stored node exactly once, by the node's own id: the
    /// table a graph finds nodes by then agrees with the nodes it holds, as it did when the form was
    /// written. A form that names a node twice, under another id, or not at all is refused here, when it
    /// is opened, rather than giving a wrong node (or none) when the conversation reaches it.
    static func checkPlaces(_ places: [String: [String: Int]], ids: [NodeID]) throws {
        var named = [Bool](repeating: false, count: ids.count)
        var total = 0
        for (dialog, names) in places {
            for (name, place) in names {
                // `place` is below `ids.count`: the table was read with `index(below:)`.
                guard !named[place], ids[place].dialog == dialog, ids[place].node == name else {
                    throw CompiledFormError.malformed
                }
                named[place] = true
                total += 1
            }
        }
        guard total == ids.count else { throw CompiledFormError.malformed }
    }

    mutating func sourceCatalog() throws -> SourceCatalog {
        let entries = try array { r in SourceCatalog.Entry(key: try r.string(), title: try r.string(), url: try r.string(), location: try r.location()) }
        return SourceCatalog(
            entries: Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }), order: entries.map(\.key),
            reviewed: try string(), nextReview: try string(), needsSource: try strings(), location: try location())
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func nodeID() throws -> NodeID {
        NodeID(dialog: try string(), node: try string())
    }

    mutating func dialogInfo() throws -> DialogInfo {
        DialogInfo(
            id: try string(), title: try optional { try $0.string() }, start: try nodeID(), file: try string(),
            location: try location(), nodes: try strings())
    }

    mutating func node() throws -> Node {
        let id = try nodeID()
        let location = try location()
        let assignments = try array { r in Assignment(slot: try r.string(), value: try r.value()) }
        let say = try array { try $0.template() }
        let documents = try strings()
        let question = try optional { try $0.question() }
        let why = try optional { try $0.string() }
        let exit: Exit
        var pauses = false
        switch try byte() {
        case 0: exit = .next(try array { try $0.edge() })
        case 1: exit = .call(try nodeID(), then: try array { try $0.edge() })
        case 2: exit = .returns
        case 3: exit = .end
        case 4:
            exit = .returns
            pauses = true
        default: throw CompiledFormError.malformed
        }
        var node = Node(
            id: id, location: location, assignments: assignments, say: say, documents: documents, question: question, why: why,
            exit: exit)
        node.pauses = pauses
        return node
    }

    mutating func edge() throws -> Edge {
        Edge(condition: try optional { try $0.condition(depth: 0) }, target: try nodeID(), location: try location())
    }

    mutating func question() throws -> Question {
        let slot = try string()
        let reprompt = try template()
        let attempts = try int()
        let skippable = try bool()
        let type = try slotType()
        let map = try optional { r in
            KeywordMap(
                slot: try r.string(),
                rules: try r.array { r in KeywordMap.Rule(value: try r.string(), matcher: PhraseMatcher(phrases: try r.strings())) },
                defaultValue: try r.optional { try $0.string() }, isMulti: try r.bool(), inAnswer: try r.bool())
        }
        return Question(
            slot: slot, reprompt: reprompt, attempts: attempts, skippable: skippable, matcher: AnswerMatcher(type: type), map: map,
            location: try location(), place: try bool(), person: try bool(), yes: try strings(), no: try strings())
    }

    mutating func slotDefinition() throws -> SlotDefinition {
        var definition = SlotDefinition(name: try string(), type: try slotType(), label: try string(), location: try location())
        definition.units = try dictionary { try $0.double() }
        definition.inSummary = try bool()
        return definition
    }

    mutating func slotType() throws -> SlotType {
        switch try byte() {
        case 0: return .bool
        case 1:
            return .number(min: try optional { try $0.double() }, max: try optional { try $0.double() }, integer: try bool())
        case 2: return .text
        case 3: return .choice(try array { try $0.option() })
        case 4: return .multi(try array { try $0.option() })
        default: throw CompiledFormError.malformed
        }
    }

    mutating func option() throws -> Option {
        Option(
            value: try string(), label: try string(), synonyms: try strings(),
            phrasings: try dictionary { try $0.string() })
    }

    mutating func interrupt() throws -> Interrupt {
        Interrupt(
            id: try string(), keywords: try strings(), matcher: PhraseMatcher(phrases: try strings()), target: try nodeID(),
            resume: try bool(), urgent: try bool(), priority: try int(), location: try location(),
            redFlag: try optional { try $0.string() }, check: try optional { try $0.nodeID() }, examples: try strings(),
            questions: try bool(),
            about: try optional { try $0.string() })
    }

    mutating func documentTemplate() throws -> DocumentTemplate {
        var d = DocumentTemplate(
            id: try string(), title: try template(),
            items: try array { r in
                DocumentTemplate.Item(
                    kind: try r.documentKind(), template: try r.template(), condition: try r.optional { try $0.condition(depth: 0) },
                    location: try r.location(), sources: try r.strings())
            },
            location: try location())
        let marks = try strings()
        guard marks.count == 4 else { throw CompiledFormError.malformed }
        d.marks = DocumentTemplate.Marks(title: marks[0], heading: marks[1], bullet: marks[2], check: marks[3])
        return d
    }

    mutating func documentKind() throws -> DocumentTemplate.Kind {
        let all = DocumentTemplate.Kind.allCases
        let code = Int(try byte())
        guard code < all.count else { throw CompiledFormError.malformed }
        return all[all.index(all.startIndex, offsetBy: code)]
    }

    mutating func pathProperty() throws -> PathProperty {
        let id = try string()
        let description = try string()
        let rule: PathProperty.Rule
        switch try byte() {
        case 0: rule = .before(first: try nodeID(), then: try nodeID())
        case 1: rule = .never(node: try nodeID(), when: try optional { try $0.condition(depth: 0) })
        case 2: rule = .alwaysReaches(node: try nodeID(), when: try optional { try $0.condition(depth: 0) })
        case 3: rule = .neverWrites(phrases: try strings(), when: try optional { try $0.condition(depth: 0) })
        case 4: rule = .alwaysWrites(phrases: try strings(), when: try optional { try $0.condition(depth: 0) })
        case 5: rule = .neverAnswers(phrases: try strings())
        case 6: rule = .neverSays(phrases: try strings(), when: try optional { try $0.condition(depth: 0) })
        default: throw CompiledFormError.malformed
        }
        return PathProperty(id: id, description: description, rule: rule, location: try location())
    }

    mutating func value() throws -> Value {
        switch try byte() {
        case 0: return .bool(try bool())
        case 1: return .number(try double())
        case 2: return .text(try string())
        case 3: return .choice(try string())
        case 4: return .set(try strings())
        default: throw CompiledFormError.malformed
        }
    }

    mutating func template() throws -> Template {
        Template(segments: try segments(depth: 0))
    }

    mutating func segments(depth: Int) throws -> [Template.Segment] {
        guard depth < Self.maxDepth else { throw CompiledFormError.malformed }
        return try array { r in
            switch try r.byte() {
            case 0: return .text(try r.string())
            case 1:
                let name = try r.string()
                let fallback = try r.optional { try $0.string() }
                let phrasing = try r.optional { try $0.string() }
                let filters = try r.array { try $0.filter() }
                return .slot(name, fallback: fallback, format: Template.Format(phrasing: phrasing, filters: filters))
            case 2:
                let c = try r.condition(depth: depth + 1)
                return .choose(c, then: try r.segments(depth: depth + 1), otherwise: try r.segments(depth: depth + 1))
            default: throw CompiledFormError.malformed
            }
        }
    }

    mutating func filter() throws -> Template.Filter {
        switch try byte() {
        case 0: return .round(try int())
        case 1:
            let word = try string()
            return .about(
                word: word,
                units: try array { r in Template.SpokenUnit(one: try r.string(), other: try r.string(), worth: try r.double()) })
        case 2: return .join(name: try string(), word: try string())
        case 3: return .capitalize
        case 4: return .upper
        case 5: return .lower
        case 6: return .sentence
        case 7: return .calm
        case 8: return .name
        default: throw CompiledFormError.malformed
        }
    }

    mutating func condition(depth: Int) throws -> Condition {
        guard depth < Self.maxDepth else { throw CompiledFormError.malformed }
        switch try byte() {
        case 0: return .constant(try bool())
        case 1: return .slot(try string())
        case 2:
            let a = try operand()
            let op = try comparisonOperator()
            return .compare(a, op, try operand())
        case 3: return .contains(set: try operand(), element: try operand())
        case 4: return .answered(try string())
        case 5: return .not(try condition(depth: depth + 1))
        case 6: return .and(try condition(depth: depth + 1), try condition(depth: depth + 1))
        case 7: return .or(try condition(depth: depth + 1), try condition(depth: depth + 1))
        default: throw CompiledFormError.malformed
        }
    }

    mutating func comparisonOperator() throws -> ComparisonOperator {
        let all = ComparisonOperator.allCases
        let code = Int(try byte())
        guard code < all.count else { throw CompiledFormError.malformed }
        return all[code]
    }

    mutating func operand() throws -> Operand {
        switch try byte() {
        case 0: return .slot(try string(), offset: try int())
        case 1: return .text(try string())
        case 2: return .number(try double())
        case 3: return .bool(try bool())
        case 4: return .list(try strings())
        default: throw CompiledFormError.malformed
        }
    }
}
