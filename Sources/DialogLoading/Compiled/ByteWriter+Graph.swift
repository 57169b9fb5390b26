import DialogCore

/// Writing a checked `DialogGraph` in the compiled form. Every stored property of every model type is
/// written (`CompiledDialogsTests` compares a decoded graph with the loaded one field by field, so a
/// property added later and forgotten here fails that test). Dictionaries are written in key order, so
/// the same graph always gives the same bytes. `ByteReader+Graph.swift` reads it back in the same order.
extension ByteWriter {
    mutating func graph(_ g: DialogGraph) {
        dictionary(g.dialogs) { $0.dialogInfo($1) }
        strings(g.dialogOrder)
        let layout = g.nodes.layout
        // Each node as a blob: a reader finds node i without decoding the others (they are decoded when
        // first used; see `CompiledNodes`).
        array(layout.nodes) { w, node in w.blob { $0.node(node) } }
        dictionary(layout.places) { w, names in w.dictionary(names) { $0.count($1) } }
        array(g.nodeOrder) { $0.nodeID($1) }
        dictionary(g.slots) { $0.slotDefinition($1) }
        strings(g.slotOrder)
        array(g.interrupts) { $0.interrupt($1) }
        dictionary(g.documents) { $0.documentTemplate($1) }
        strings(g.documentOrder)
        array(g.properties) { $0.pathProperty($1) }
        nodeID(g.entry)
        dictionary(g.messages.texts) { $0.string($1) }
        optional(g.sources) { $0.sourceCatalog($1) }
        array(g.commands.phrases) { w, phrase in
            w.string(phrase.command.rawValue)
            w.string(phrase.words)
            w.bool(phrase.takesFile)
        }
    }

    mutating func sourceCatalog(_ c: SourceCatalog) {
        array(c.order) { w, key in
            w.string(key)
            w.string(c.entries[key]?.title ?? "")
            w.string(c.entries[key]?.url ?? "")
            w.location(c.entries[key]?.location ?? SourceLocation(file: "", line: 0, column: 0))
        }
        string(c.reviewed)
        string(c.nextReview)
        strings(c.needsSource)
        location(c.location)
    }

    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    mutating func nodeID(_ id: NodeID) {
        string(id.dialog)
        string(id.node)
    }

    mutating func dialogInfo(_ d: DialogInfo) {
        string(d.id)
        optional(d.title) { $0.string($1) }
        nodeID(d.start)
        string(d.file)
        location(d.location)
        strings(d.nodes)
    }

    mutating func node(_ n: Node) {
        nodeID(n.id)
        location(n.location)
        array(n.assignments) { w, a in
            w.string(a.slot)
            w.value(a.value)
        }
        array(n.say) { $0.template($1) }
        strings(n.documents)
        optional(n.question) { $0.question($1) }
        optional(n.why) { $0.string($1) }
        switch n.exit {
        case .next(let edges):
            byte(0)
            array(edges) { $0.edge($1) }
        case .call(let callee, let edges):
            byte(1)
            nodeID(callee)
            array(edges) { $0.edge($1) }
        case .returns: byte(n.pauses ? 4 : 2)
        case .end: byte(3)
        }
    }

    mutating func edge(_ e: Edge) {
        optional(e.condition) { $0.condition($1) }
        nodeID(e.target)
        location(e.location)
    }

    mutating func question(_ q: Question) {
        string(q.slot)
        template(q.reprompt)
        int(q.attempts)
        bool(q.skippable)
        slotType(q.matcher.slotType)
        optional(q.map) { w, map in
            w.string(map.slot)
            w.array(map.rules) { w, rule in
                w.string(rule.value)
                w.strings(rule.matcher.texts)
            }
            w.optional(map.defaultValue) { $0.string($1) }
            w.bool(map.isMulti)
            w.bool(map.inAnswer)
        }
        location(q.location)
        bool(q.place)
        bool(q.person)
        strings(q.yes)
        strings(q.no)
    }

    mutating func slotDefinition(_ s: SlotDefinition) {
        string(s.name)
        slotType(s.type)
        string(s.label)
        location(s.location)
        dictionary(s.units) { $0.double($1) }
        bool(s.inSummary)
    }

    mutating func slotType(_ t: SlotType) {
        switch t {
        case .bool: byte(0)
        case .number(let min, let max, let integer):
            byte(1)
            optional(min) { $0.double($1) }
            optional(max) { $0.double($1) }
            bool(integer)
        case .text: byte(2)
        case .choice(let options):
            byte(3)
            array(options) { $0.option($1) }
        case .multi(let options):
            byte(4)
            array(options) { $0.option($1) }
        }
    }

    mutating func option(_ o: Option) {
        string(o.value)
        string(o.label)
        strings(o.synonyms)
        dictionary(o.phrasings) { $0.string($1) }
    }

    mutating func interrupt(_ i: Interrupt) {
        string(i.id)
        strings(i.keywords)
        strings(i.matcher.texts)
        nodeID(i.target)
        bool(i.resume)
        bool(i.urgent)
        int(i.priority)
        location(i.location)
        optional(i.redFlag) { $0.string($1) }
        optional(i.check) { $0.nodeID($1) }
        strings(i.examples)
        bool(i.questions)
        optional(i.about) { $0.string($1) }
    }

    mutating func documentTemplate(_ d: DocumentTemplate) {
        string(d.id)
        template(d.title)
        array(d.items) { w, item in
            w.byte(item.kind.code)
            w.template(item.template)
            w.optional(item.condition) { $0.condition($1) }
            w.location(item.location)
            w.strings(item.sources)
        }
        location(d.location)
        strings([d.marks.title, d.marks.heading, d.marks.bullet, d.marks.check])
    }

    mutating func pathProperty(_ p: PathProperty) {
        string(p.id)
        string(p.description)
        switch p.rule {
        case .before(let first, let then):
            byte(0)
            nodeID(first)
            nodeID(then)
        case .never(let node, let when):
            byte(1)
            nodeID(node)
            optional(when) { $0.condition($1) }
        case .alwaysReaches(let node, let when):
            byte(2)
            nodeID(node)
            optional(when) { $0.condition($1) }
        case .neverWrites(let phrases, let when):
            byte(3)
            strings(phrases)
            optional(when) { $0.condition($1) }
        case .alwaysWrites(let phrases, let when):
            byte(4)
            strings(phrases)
            optional(when) { $0.condition($1) }
        case .neverAnswers(let phrases):
            byte(5)
            strings(phrases)
        case .neverSays(let phrases, let when):
            byte(6)
            strings(phrases)
            optional(when) { $0.condition($1) }
        }
        location(p.location)
    }

    mutating func value(_ v: Value) {
        switch v {
        case .bool(let b):
            byte(0)
            bool(b)
        case .number(let n):
            byte(1)
            double(n)
        case .text(let s):
            byte(2)
            string(s)
        case .choice(let s):
            byte(3)
            string(s)
        case .set(let items):
            byte(4)
            strings(items)
        }
    }

    mutating func template(_ t: Template) {
        segments(t.segments)
    }

    mutating func segments(_ segments: [Template.Segment]) {
        array(segments) { w, segment in
            switch segment {
            case .text(let s):
                w.byte(0)
                w.string(s)
            case .slot(let name, let fallback, let format):
                w.byte(1)
                w.string(name)
                w.optional(fallback) { $0.string($1) }
                w.optional(format.phrasing) { $0.string($1) }
                w.array(format.filters) { $0.filter($1) }
            case .choose(let c, let then, let otherwise):
                w.byte(2)
                w.condition(c)
                w.segments(then)
                w.segments(otherwise)
            }
        }
    }

    mutating func filter(_ f: Template.Filter) {
        switch f {
        case .round(let places):
            byte(0)
            int(places)
        case .about(let word, let units):
            byte(1)
            string(word)
            array(units) { w, u in
                w.string(u.one)
                w.string(u.other)
                w.double(u.worth)
            }
        case .join(let name, let word):
            byte(2)
            string(name)
            string(word)
        case .capitalize: byte(3)
        case .upper: byte(4)
        case .lower: byte(5)
        case .sentence: byte(6)
        case .calm: byte(7)
        case .name: byte(8)
        }
    }

    mutating func condition(_ c: Condition) {
        switch c {
        case .constant(let b):
            byte(0)
            bool(b)
        case .slot(let name):
            byte(1)
            string(name)
        case .compare(let a, let op, let b):
            byte(2)
            operand(a)
            byte(op.code)
            operand(b)
        case .contains(let set, let element):
            byte(3)
            operand(set)
            operand(element)
        case .answered(let name):
            byte(4)
            string(name)
        case .not(let inner):
            byte(5)
            condition(inner)
        case .and(let a, let b):
            byte(6)
            condition(a)
            condition(b)
        case .or(let a, let b):
            byte(7)
            condition(a)
            condition(b)
        }
    }

    mutating func operand(_ o: Operand) {
        switch o {
        case .slot(let name, let offset):
            byte(0)
            string(name)
            int(offset)
        case .text(let s):
            byte(1)
            string(s)
        case .number(let n):
            byte(2)
            double(n)
        case .bool(let b):
            byte(3)
            bool(b)
        case .list(let items):
            byte(4)
            strings(items)
        }
    }
}

extension DocumentTemplate.Kind {
    /// The kind's byte in the compiled form: its place in `allCases`.
    var code: UInt8 { UInt8(Self.allCases.firstIndex(of: self) ?? 0) }
}

extension ComparisonOperator {
    /// The operator's byte in the compiled form: its place in `allCases`.
    var code: UInt8 { UInt8(Self.allCases.firstIndex(of: self) ?? 0) }
}
