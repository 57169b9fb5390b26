/// The work of one `Engine.step`: a mutable scratch value that lives for one call only.
struct Turn {
    let engine: Engine
    var state: EngineState
    var outputs: [Output] = []
    private var steps = 0

    init(engine: Engine, state: EngineState) {
        self.engine = engine
        self.state = state
    }

    private var graph: DialogGraph { engine.graph }

    // MARK: - Starting

    mutating func begin() {
        let rng = state.rng
        state = EngineState(seed: 0)
        state.rng = rng
        run(.enter(graph.entry))
    }

    mutating func repeatQuestion() {
        if let id = state.position { run(.reask(id)) }
    }

    // MARK: - A typed line

    mutating func handle(_ raw: String) {
        // Characters never outnumber bytes, so most lines skip counting Characters.
        if raw.utf8.count > Engine.maxInputCharacters, raw.count > Engine.maxInputCharacters {
            say(
                "That answer is too long (\(raw.count) characters). Please keep it under \(Engine.maxInputCharacters) characters.",
                .alert)
            return
        }
        let text = InputCleaner.clean(raw)
        if let command = Command(text) {
            perform(command)
            return
        }
        guard !state.ended, let id = state.position, let node = graph.nodes[id], let question = node.question else {
            say("This conversation has ended. Type restart to begin again, save to keep your documents, or quit.", .info)
            return
        }
        if text.isEmpty {
            say("I didn't catch an answer.", .reprompt)
            reprompt(question)
            return
        }
        let tokens = TextNormalizer.tokens(text)
        if interrupt(tokens, at: id, urgent: true) { return }
        let outcome = question.matcher.match(text, tokens: tokens)
        let usable: Bool
        switch outcome {
        case .matched, .skipped: usable = !Self.looksLikeQuestion(text, tokens)
        default: usable = false
        }
        if !usable, interrupt(tokens, at: id, urgent: false) { return }
        switch outcome {
        case .matched(.number(let n)):
            switch convertUnits(n, tokens: tokens, slot: question.slot) {
            case .success(let converted): accept(.number(converted), tokens: tokens, at: node, question)
            case .failure(let out):
                say("That is \(Value.format(out.value)), outside what this question takes (\(NumberRange.describe(graph.slotType(question.slot)))).", .reprompt)
                unusable(question, at: node)
            }
        case .matched(let value):
            accept(value, tokens: tokens, at: node, question)
        case .skipped where question.skippable:
            say("Okay, let's leave that one.", .info)
            accept(nil, tokens: tokens, at: node, question)
        case .skipped:
            say("I need an answer to this one to go on.", .reprompt)
            reprompt(question)
        case .ambiguous(let options):
            let labels = options.map { "\"\($0.label)\"" }
            say("Did you mean \(ListFormatter.join(labels, conjunction: "or"))? Please type the one you meant.", .reprompt)
            unusable(question, at: node)
        case .outOfRange(let n):
            say("\(Value.format(n)) is outside what this question takes (\(NumberRange.describe(graph.slotType(question.slot)))).", .reprompt)
            unusable(question, at: node)
        case .noMatch:
            unusable(question, at: node)
        }
    }

    /// Fires the first matching interrupt of the given kind; true when one fired.
    private mutating func interrupt(_ tokens: [String], at id: NodeID, urgent: Bool) -> Bool {
        let all = graph.interrupts
        if let index = engine.interrupts.firstMatch(tokens, include: { all[$0].urgent == urgent }) {
            let interrupt = all[index]
            trace(.interrupt(interrupt.id))
            state.history.append(state.snapshot)
            if interrupt.resume { state.stack.append(.resume(question: id)) }
            state.position = nil
            state.attempts = 0
            run(.enter(interrupt.target))
            return true
        }
        return false
    }

    struct OutOfRange: Error { var value: Double }

    /// "3 years" on a slot counted in months: the first unit word in the answer converts the number.
    private func convertUnits(_ n: Double, tokens: [String], slot: String) -> Result<Double, OutOfRange> {
        guard let def = graph.slots[slot], !def.units.isEmpty,
            let factor = Self.unitAfterFirstNumber(tokens, units: def.units), factor != 1
        else { return .success(n) }
        var value = n * factor
        if case .number(let min, let max, let integer) = def.type {
            if integer { value = value.rounded() }
            if let min, value < min { return .failure(OutOfRange(value: value)) }
            if let max, value > max { return .failure(OutOfRange(value: value)) }
        }
        return .success(value)
    }

    /// The unit right after the first number ("2 years", "three and a half years"); nil when the word
    /// after the number is not a declared unit ("36 months, so three years" stays 36).
    static func unitAfterFirstNumber(_ tokens: [String], units: [String: Double]) -> Double? {
        func isNumber(_ t: String) -> Bool {
            Double(t) != nil || AnswerMatcher.NumberReader.units[t] != nil || AnswerMatcher.NumberReader.tens[t] != nil
                || AnswerMatcher.NumberReader.scales[t] != nil
        }
        guard var i = tokens.firstIndex(where: isNumber) else { return nil }
        while i < tokens.count, isNumber(tokens[i]) || ["and", "a", "half", "point"].contains(tokens[i]) { i += 1 }
        return i < tokens.count ? units[tokens[i]] : nil
    }

    static let questionWords: Set<String> = [
        "is", "are", "will", "would", "can", "could", "should", "do", "does", "did", "what", "how", "when", "why",
        "who", "where", "which", "am", "may", "might", "shall",
    ]

    /// "will insurance pay?", "can I do this online" — a question, not an answer: common-question
    /// interrupts get the first go at it even when some option's word appears in it.
    static func looksLikeQuestion(_ text: String, _ tokens: [String]) -> Bool {
        text.hasSuffix("?") || tokens.first.map { questionWords.contains($0) } == true
    }

    private mutating func unusable(_ question: Question, at node: Node) {
        state.attempts += 1
        trace(.reprompt(node.id))
        if state.attempts < question.attempts {
            reprompt(question)
            return
        }
        if question.skippable {
            say("Let's leave that one for now. You can type back to return to it.", .info)
            accept(nil, tokens: [], at: node, question)
        } else {
            state.attempts = 0
            say("Let's try this one once more. Type help to see what you can do.", .info)
            reprompt(question)
        }
    }

    private mutating func reprompt(_ question: Question) {
        let text = render(question.reprompt)
        if !text.isEmpty { say(text, .reprompt) }
        if let type = graph.slotType(question.slot) {
            switch type {
            case .choice(let options), .multi(let options): outputs.append(.options(options.map(\.label)))
            default: break
            }
        }
    }

    private mutating func accept(_ value: Value?, tokens: [String], at node: Node, _ question: Question) {
        state.history.append(state.snapshot)
        state.attempts = 0
        if let value {
            state.slots[question.slot] = value
            if let map = question.map, let derived = map.value(for: tokens) { state.slots[map.slot] = derived }
        } else {
            state.slots[question.slot] = nil
            if let map = question.map { state.slots[map.slot] = nil }
        }
        state.position = nil
        run(.leave(node.id))
    }

    // MARK: - Commands

    private mutating func perform(_ command: Command) {
        switch command {
        case .help:
            say(HelpText.text(question: currentQuestion.map { describeAccepted($0) }), .info)
        case .why:
            guard let id = state.position, let node = graph.nodes[id] else {
                say("There is no open question right now.", .info)
                return
            }
            say(node.why ?? "This question has no stated reason. You can skip it by typing 'skip'.", .info)
        case .summary:
            say(summary(), .info)
        case .back:
            guard let snapshot = state.history.popLast() else {
                say("There is nothing to go back to yet.", .info)
                return
            }
            state.restore(snapshot)
            say("Going back one step.", .info)
            if let id = snapshot.position { run(.reask(id)) }
        case .restart:
            say("Starting again from the beginning.", .info)
            begin()
        case .save(let path):
            outputs.append(.save(path: path, markdown: DocumentRenderer.renderAll(graph: graph, slots: state.slots)))
        case .quit:
            outputs.append(.quit)
        }
    }

    private var currentQuestion: Question? {
        state.position.flatMap { graph.nodes[$0]?.question }
    }

    private func describeAccepted(_ q: Question) -> String {
        switch graph.slotType(q.slot) {
        case .bool?: return "This question takes yes or no."
        case .choice?: return "Type an option's number or its name."
        case .multi?: return "Type one or more options, like \"1, 3\", or \"none\"."
        case .number?: return "Type a number (\(NumberRange.describe(graph.slotType(q.slot))))."
        default: return "Type your answer in your own words."
        }
    }

    /// Answers in the order they were given (from the `back` history), then any set by the dialogs.
    private func summary() -> String {
        var order: [String] = []
        var seen: Set<String> = []
        for slots in state.history.map(\.slots) + [state.slots] {
            for name in graph.slotOrder where slots[name] != nil && !seen.contains(name) {
                seen.insert(name)
                order.append(name)
            }
        }
        let lines = order.compactMap { name -> String? in
            guard let value = state.slots[name], let def = graph.slots[name] else { return nil }
            return "- \(def.label): \(Template.display(value, type: def.type))"
        }
        if lines.isEmpty { return "You haven't answered any questions yet." }
        return "Your answers so far:\n" + lines.joined(separator: "\n")
    }

    // MARK: - Walking the graph

    enum Move {
        case enter(NodeID)
        case leave(NodeID)
        case reask(NodeID)
    }

    private mutating func run(_ first: Move) {
        var move: Move? = first
        while let current = move {
            steps += 1
            if steps > Engine.maxStepsPerTurn {
                say(
                    "The dialog went round \(Engine.maxStepsPerTurn) steps without asking anything. This is a fault in the dialog files; please report it.",
                    .alert)
                state.ended = true
                state.position = nil
                return
            }
            switch current {
            case .enter(let id): move = enter(id)
            case .leave(let id): move = leave(id)
            case .reask(let id): move = reask(id)
            }
        }
    }

    private mutating func enter(_ id: NodeID) -> Move? {
        guard let node = graph.nodes[id] else { return missing(id) }
        trace(.enter(id))
        for a in node.assignments { state.slots[a.slot] = a.value }
        speak(node)
        for doc in node.documents {
            guard let template = graph.documents[doc] else { continue }
            let rendered = DocumentRenderer.render(template, slots: state.slots, graph: graph)
            if engine.tracing {
                for i in rendered.itemsIncluded { trace(.documentItem(doc, i)) }
            }
            outputs.append(.document(id: doc, title: rendered.title, markdown: rendered.markdown))
            if !state.shown.contains(doc) { state.shown.append(doc) }
        }
        if node.question != nil {
            ask(node)
            return nil
        }
        return .leave(id)
    }

    private mutating func speak(_ node: Node) {
        guard !node.say.isEmpty else { return }
        let variant = node.say.count > 1 ? state.rng.pick(node.say.count) : 0
        if node.say.count > 1 { trace(.variant(node.id, variant)) }
        say(render(node.say[variant]), .say)
    }

    private mutating func ask(_ node: Node) {
        state.position = node.id
        state.attempts = 0
        if let q = node.question, let type = graph.slotType(q.slot) {
            switch type {
            case .choice(let options), .multi(let options): outputs.append(.options(options.map(\.label)))
            default: break
            }
        }
    }

    private mutating func reask(_ id: NodeID) -> Move? {
        guard let node = graph.nodes[id] else { return missing(id) }
        speak(node)
        ask(node)
        return nil
    }

    private mutating func leave(_ id: NodeID) -> Move? {
        guard let node = graph.nodes[id] else { return missing(id) }
        switch node.exit {
        case .next(let edges):
            return route(node, edges)
        case .call(let callee, _):
            state.stack.append(.call(caller: id))
            return .enter(callee)
        case .returns:
            switch state.stack.popLast() {
            case .call(let caller)?:
                guard let callerNode = graph.nodes[caller] else { return missing(caller) }
                return route(callerNode, callerNode.edges)
            case .resume(let question)?:
                return .reask(question)
            case nil:
                return finish()
            }
        case .end:
            return finish()
        }
    }

    private mutating func route(_ node: Node, _ edges: [Edge]) -> Move? {
        for (i, edge) in edges.enumerated() {
            if let condition = edge.condition {
                let holds = condition.evaluate { state.slots[$0] }
                trace(.condition(node.id, i, holds))
                if !holds { continue }
            }
            trace(.edge(node.id, i))
            return .enter(edge.target)
        }
        say("The dialog has no way on from '\(node.id)'. This is a fault in the dialog files; please report it.", .alert)
        return finish()
    }

    private mutating func finish() -> Move? {
        state.ended = true
        state.position = nil
        state.stack.removeAll()
        outputs.append(.end)
        return nil
    }

    private mutating func missing(_ id: NodeID) -> Move? {
        say("The dialog refers to a missing node '\(id)'. This is a fault in the dialog files; please report it.", .alert)
        return finish()
    }

    // MARK: - Helpers

    private mutating func say(_ text: String, _ style: TextStyle) { outputs.append(.text(text, style)) }

    private func render(_ template: Template) -> String {
        var missing: [String] = []
        return template.render({ state.slots[$0] }, slotType: { graph.slotType($0) }, missing: &missing)
    }

    private mutating func trace(_ event: TraceEvent) {
        if engine.tracing { state.trace.append(event) }
    }
}
