import DialogCore
import Understanding

/// Runs typed lines through the real engine at a named prompt and says what happened: the tool behind
/// `second-opinion understand` (one line, explained) and `understand --eval` (a labelled corpus, scored).
package struct UnderstandingProbe: Sendable {
    package let engine: Engine
    /// Emergency numbers by country code (`Dialogs/data/countries.json`), for checking alarms.
    package let emergencyNumbers: [String: String]
    /// Country code → the `country` choice value (`us`, `uk`, `eu`, `other`).
    package let countryGroups: [String: String]

    package init(graph: DialogGraph, emergencyNumbers: [String: String] = [:], countryGroups: [String: String] = [:]) {
        engine = Engine(graph: graph, tracing: true)
        self.emergencyNumbers = emergencyNumbers
        self.countryGroups = countryGroups
    }

    /// What one line did.
    package struct Outcome: Sendable {
        /// The red-flag interrupt whose alarm sounded, if any (its red flag).
        package var alarm: String?
        /// The red flag whose check question was asked, if any.
        package var check: String?
        /// A common question answered (a non-urgent interrupt).
        package var commonQuestion: String?
        /// The question was asked again.
        package var askedAgain: Bool
        /// The question was answered and left: the value recorded (nil when skipped).
        package var recorded: Value?
        package var moved: Bool
        /// Every slot after the line.
        package var slots: [String: Value]
        /// The nodes the line led through.
        package var entered: Set<NodeID> = []
        package var outputs: [Output]
        /// How the line was read, with the rules that decided (the engine's `understood` trace).
        package var readings: [String] = []

        package var text: String {
            outputs.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }.joined(separator: "\n")
        }
    }

    /// The node where the alarm of red flag `flag` gives its advice.
    package func alarmTarget(_ flag: String) -> NodeID? {
        engine.graph.interrupts.first { ($0.redFlag ?? (Explorer.isRedFlag($0) ? $0.id : nil)) == flag }?.target
    }

    /// Types `line` at question `node`, with `country` (an ISO code, or nil) already answered.
    package func run(_ line: String, at node: NodeID, country: String? = nil) -> Outcome {
        var state = EngineState(seed: 1)
        state.position = node
        if let country {
            if let places = engine.graph.language?.language.places, engine.graph.slots["country"] != nil {
                for (name, value) in Engine.placeSlots(country, slot: "country", places: places, graph: engine.graph) { state.slots[name] = value }
            } else {
                state.slots["country"] = .choice(countryGroups[country] ?? "other")
            }
        }
        let (after, outputs) = engine.step(state, .line(line))
        var alarm: String?
        var check: String?
        var common: String?
        let entered = Set(after.trace.compactMap { if case .enter(let id) = $0 { return id } else { return nil } })
        for event in after.trace {
            guard case .interrupt(let id) = event, let interrupt = engine.graph.interrupts.first(where: { $0.id == id }) else { continue }
            if let flag = interrupt.redFlag ?? (Explorer.isRedFlag(interrupt) ? interrupt.id : nil) {
                if let c = interrupt.check, entered.contains(c), !entered.contains(interrupt.target) { check = flag } else { alarm = flag }
            } else {
                common = interrupt.id
            }
        }
        // An answer that leads to a red flag's advice gives the alarm as much as an interrupt does: "yes,
        // it's happening now" at "Can I check: is this chest discomfort happening now?".
        if alarm == nil, check == nil, let reached = engine.graph.interrupts.first(where: { entered.contains($0.target) && ($0.redFlag != nil || Explorer.isRedFlag($0)) }) {
            alarm = reached.redFlag ?? reached.id
        }
        let slot = engine.graph.nodes[node]?.question?.slot
        let askedAgain = alarm == nil && check == nil && common == nil && after.position == node && !after.ended
        let moved = alarm == nil && check == nil && common == nil && !askedAgain
        var recorded: Value?
        if moved, let slot { recorded = after.slots[slot] }
        return Outcome(
            alarm: alarm, check: check, commonQuestion: common, askedAgain: askedAgain, recorded: recorded, moved: moved,
            slots: after.slots, entered: entered, outputs: outputs,
            readings: after.trace.compactMap { if case .understood(_, let text) = $0 { return text } else { return nil } })
    }

    /// A line explained: the words the rules saw, every finding with its context and rule, the decision,
    /// and what the engine did at `node`.
    package func explain(_ line: String, at node: NodeID?) -> String {
        var out: [String] = []
        if let language = engine.graph.language?.language {
            let reading = language.read(line)
            let words = reading.words.map { w -> String in
                switch w.how {
                case .asTyped: return w.base
                case .form: return "\(w.typed)→\(w.base)"
                case .typo: return "\(w.typed)→\(w.base) (typo)"
                }
            }
            var clauses: [[String]] = []
            for (i, w) in reading.words.enumerated() {
                if i == 0 || w.clause != reading.words[i - 1].clause { clauses.append([]) }
                clauses[clauses.count - 1].append(words[i])
            }
            out.append("words: " + clauses.map { $0.joined(separator: " ") }.joined(separator: " | "))
            if reading.findings.isEmpty { out.append("red flags: none found") }
            for f in reading.findings {
                let span = reading.words[f.words].map(\.typed).joined(separator: " ")
                let decision: String
                switch f.decision {
                case .alarm: decision = "ALARM"
                case .check: decision = "ask whether it is happening now"
                case .dropped(let kind): decision = "no alarm (\(kind.rawValue))"
                }
                let about = f.subject == .speaker ? "" : " (about: \(f.subject.rawValue))"
                out.append("finding: \(f.category) \"\(span)\" by '\(f.pattern)' (\(f.origin)) → \(decision)\(about)")
                for c in f.context {
                    let words = reading.words[c.words].map(\.typed).joined(separator: " ")
                    out.append("  context: \(c.kind.rawValue) \"\(words)\" by '\(c.pattern)' (\(c.origin))")
                }
            }
            if !reading.alarms.isEmpty { out.append("alarm: " + reading.alarms.joined(separator: ", ")) }
            if !reading.checks.isEmpty { out.append("check: " + reading.checks.joined(separator: ", ")) }
        } else {
            out.append("(no language data: red flags match interrupt keywords only)")
        }
        if let node, let question = engine.graph.nodes[node]?.question {
            out.append(contentsOf: Engine.explainAnswer(line, question: question, graph: engine.graph))
        }
        if let node {
            let outcome = run(line, at: node)
            if let a = outcome.alarm {
                out.append("at \(node): red flag '\(a)'; the answer is not read")
            } else if let c = outcome.check {
                out.append("at \(node): asks whether '\(c)' is happening now; the answer is not read")
            } else if let q = outcome.commonQuestion {
                out.append("at \(node): answers the common question '\(q)'; nothing recorded")
            } else if outcome.askedAgain {
                out.append("at \(node): asked again")
            } else if let slot = engine.graph.nodes[node]?.question?.slot {
                out.append("at \(node): records \(slot) = \(outcome.recorded.map { $0.literal } ?? "nothing (skipped)")")
            }
            for reading in outcome.readings { out.append("  read: \(reading)") }
            for line in outcome.text.split(separator: "\n") { out.append("  says: \(line)") }
        }
        return out.joined(separator: "\n")
    }
}
