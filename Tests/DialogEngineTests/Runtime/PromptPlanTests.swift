import Testing

@testable import DialogCore
@testable import DialogLoading

// A step shows its `say` texts from their plans (`PromptPlan`: `when`/`else` compiled once). Each must
// read exactly as the template itself renders (`Template.render`, which compiles the condition each time)
// with the same answers: every text of the shipped dialogs, over answer states drawn from the slots'
// own types.

/// Values worth trying in a slot of `type`: none, and each kind its type takes.
private func candidateValues(_ type: SlotType?) -> [Value?] {
    var pool: [Value?] = [nil]
    switch type {
    case .bool?: pool += [.bool(true), .bool(false)]
    case .number?: pool += [.number(0), .number(1), .number(2.5), .number(18), .number(65), .number(400)]
    case .text?: pool += [.text("Dr Okafor"), .text("")]
    case .choice(let options)?: pool += options.map { .choice($0.value) }
    case .multi(let options)?:
        pool += [.set([])] + options.map { .set([$0.value]) }
        if options.count > 1 { pool.append(.set(options.map(\.value))) }
    case nil: pool += [.text("other"), .bool(true)]
    }
    return pool
}

@Test("a step's say texts render from their plans as the templates do")
func promptPlansRenderLikeTemplates() throws {
    let graph = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    var random = SplitMix64(seed: 29)
    var checked = 0
    var chooses = 0
    for id in graph.nodeOrder {
        guard let node = graph.nodes[id] else { continue }
        for template in node.say {
            let plan = PromptPlan(template) { graph.slotType($0) }
            if template.segments.contains(where: { if case .choose = $0 { return true } else { return false } }) { chooses += 1 }
            let names = template.slots
            for _ in 0..<(names.isEmpty ? 1 : 60) {
                var slots: [String: Value] = [:]
                for name in names {
                    let pool = candidateValues(graph.slotType(name))
                    if let value = pool[random.pick(pool.count)] { slots[name] = value }
                }
                var missing: [String] = []
                let expected = template.render({ slots[$0] }, slotType: { graph.slotType($0) }, missing: &missing)
                #expect(plan.render(slots) == expected, "\(id) with \(slots)")
                checked += 1
            }
        }
    }
    #expect(chooses > 5, "the shipped dialogs hold when/else texts")
    #expect(checked > 500)
}
