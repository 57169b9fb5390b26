import DialogCore
import DialogLoading

/// A deterministic dialog set of a given number of nodes: `main`, a small `safety` dialog with
/// red-flag interrupts, and topic dialogs of 50–100 nodes each, called from `main` and from each
/// other in a tree (four children per dialog), linked by cross-file `dialog.node` references.
/// The same size and seed always give the same bytes.
struct DialogGenerator {
    let nodeCount: Int
    let seed: UInt64

    static let safetyNodes = 6

    func sources() -> [DialogLoader.Source] {
        var rng = SplitMix64(seed: seed)
        // Sizes of the flow dialogs (main first), adding up to nodeCount minus the safety dialog.
        var sizes: [Int] = []
        var remaining = nodeCount - Self.safetyNodes
        while remaining > 0 {
            let size: Int
            if remaining <= 100 {
                size = remaining
            } else if remaining < 150 {
                size = remaining / 2
            } else {
                size = 50 + rng.pick(51)
            }
            sizes.append(size)
            remaining -= size
        }
        let ids = sizes.indices.map { k in k == 0 ? "main" : "\(Vocabulary.topics[k % Vocabulary.topics.count])_\(k)" }
        let topics = sizes.indices.map { k in k == 0 ? "your situation" : Vocabulary.topics[k % Vocabulary.topics.count] }
        var sources = [DialogLoader.Source(name: "generated/safety.json", bytes: Array(Self.safety().utf8))]
        for k in sizes.indices {
            let children = (4 * k + 1...4 * k + 4).filter { $0 < sizes.count }.map { (ids[$0], topics[$0]) }
            let cross = k == 0 || sizes.count < 3 ? nil : ids[1 + (k * 7 + 3) % (sizes.count - 1)]
            let plan = DialogWriter.Plan(
                id: ids[k], index: k, topic: topics[k], size: sizes[k], children: children,
                crossTarget: cross.flatMap { $0 == ids[k] ? nil : "\($0).done" })
            var writer = DialogWriter(plan: plan, seed: rng.next())
            sources.append(DialogLoader.Source(name: "generated/\(ids[k]).json", bytes: Array(writer.write().utf8)))
        }
        return sources
    }

    /// Red flags: interrupts that end the conversation with urgent advice (no resume).
    static func safety() -> String {
        let flags: [(id: String, keywords: [String], say: String)] = [
            ("chest", ["chest pain", "heart attack"], "Chest pain can be serious. Call your local emergency number now."),
            ("stroke", ["face drooping", "stroke", "slurred speech"], "These can be signs of a stroke. Call your local emergency number now."),
            ("breathing", ["cant breathe", "short of breath"], "Trouble breathing needs help right away. Call your local emergency number."),
            ("bleeding", ["bleeding heavily", "severe bleeding"], "Heavy bleeding needs help right away. Call your local emergency number."),
            ("crisis", ["hurt myself", "end my life"], "You deserve support right now. Please call a crisis line or your local emergency number."),
        ]
        var nodes: [(String, JSONText)] = [
            ("urgent_general", .object([("say", .string("This sounds urgent. Please call your local emergency number now.")), ("end", .bool(true))]))
        ]
        for f in flags {
            nodes.append(("urgent_\(f.id)", .object([("say", .string(f.say)), ("end", .bool(true))])))
        }
        let interrupts = flags.map { f in
            JSONText.object([
                ("id", .string("red_\(f.id)")), ("keywords", .array(f.keywords.map(JSONText.string))),
                ("goto", .string("urgent_\(f.id)")), ("resume", .bool(false)), ("priority", .int(10)),
            ])
        }
        return JSONText.object([
            ("$schema", .string("../schema/dialog.schema.json")),
            ("dialog", .string("safety")),
            ("title", .string("Urgent help")),
            ("start", .string("urgent_general")),
            ("nodes", .object(nodes)),
            ("interrupts", .array(interrupts)),
        ]).rendered()
    }
}
