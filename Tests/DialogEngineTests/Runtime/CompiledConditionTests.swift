import Testing

@testable import DialogCore
@testable import DialogLoading

// The compiled form is the only evaluator the engine and the tools use. It must evaluate exactly as the
// reference interpreter reads the condition it came from (`referenceEvaluate`, test-only), for every kind
// of value (and no value) in every slot it reads: on a table of values (`CompiledCondition`) and by name
// (`ConditionProgram`).

private let sources = [
    "country == 'uk'", "country != 'uk'", "'uk' == country", "'uk' != country", "not (country == 'uk')",
    "'pain' in symptoms", "country in ['uk', 'eu']", "age >= 65", "age < 18 or country == 'us'",
    "answered(age) and not answered(country)", "wants", "not wants", "symptoms == ['pain', 'fever']",
    "symptoms != ['fever']", "country == other", "wants == true", "age == 30", "true", "false",
    "country == 'uk' and ('pain' in symptoms or age > 40)",
]

private let values: [Value?] = [
    nil, .choice("uk"), .choice("us"), .text("uk"), .number(30), .number(70), .bool(true), .bool(false),
    .set(["pain"]), .set(["fever", "pain"]), .set([]),
]

@Test("compiled conditions evaluate like the reference interpreter", arguments: sources)
func compiledConditionMatches(_ source: String) throws {
    let condition = try ConditionParser.parse(source).get()
    var names: [String] = []
    var index: [String: Int] = [:]
    let compiled = CompiledCondition(condition, names: &names, index: &index)
    let program = ConditionProgram(condition)
    // Every combination of values over the slots the condition reads (at most three here).
    var combination = [Int](repeating: 0, count: names.count)
    while true {
        let slots = Dictionary(uniqueKeysWithValues: names.indices.compactMap { i in values[combination[i]].map { (names[i], $0) } })
        let expected = condition.referenceEvaluate { slots[$0] }
        let table = names.map { slots[$0] }
        #expect(compiled.evaluate(table) == expected, "\(source) with \(slots)")
        #expect(program.evaluate(slots) == expected, "\(source) with \(slots)")
        #expect(program.evaluate { slots[$0] } == expected, "\(source) with \(slots)")
        var k = 0
        while k < combination.count {
            combination[k] += 1
            if combination[k] < values.count { break }
            combination[k] = 0
            k += 1
        }
        if k == combination.count { break }
    }
}

// Every condition the shipped dialogs hold (routes, document items, `choose` segments, properties), each
// evaluated both ways over generated slot states drawn from the values its own literals suggest.

/// Every condition in `graph`, as written.
private func conditions(in graph: DialogGraph) -> [Condition] {
    var all: [Condition] = []
    func walk(_ segments: [Template.Segment]) {
        for segment in segments {
            if case .choose(let c, let then, let otherwise) = segment {
                all.append(c)
                walk(then)
                walk(otherwise)
            }
        }
    }
    for id in graph.nodeOrder {
        guard let node = graph.nodes[id] else { continue }
        all += node.edges.compactMap(\.condition)
        for template in node.say { walk(template.segments) }
        if let question = node.question { walk(question.reprompt.segments) }
    }
    for document in graph.documents.values {
        walk(document.title.segments)
        for item in document.items {
            if let c = item.condition { all.append(c) }
            walk(item.template.segments)
        }
    }
    for property in graph.properties {
        switch property.rule {
        case .never(_, let when?), .alwaysReaches(_, let when?), .neverWrites(_, let when?), .neverSays(_, let when?): all.append(when)
        default: break
        }
    }
    return all
}

/// Values worth trying in the slots of `condition`: none, each kind's edge cases, and near its literals.
private func candidateValues(for condition: Condition) -> [Value?] {
    var pool: [Value?] = [nil, .bool(true), .bool(false), .set([]), .choice("other"), .text("other"), .number(0)]
    func add(_ operand: Operand) {
        switch operand {
        case .slot: break
        case .text(let t): pool += [.text(t), .choice(t), .set([t]), .set([t, "other"])]
        case .number(let n): pool += [.number(n - 1), .number(n), .number(n + 1)]
        case .bool(let b): pool += [.bool(b)]
        case .list(let items):
            pool += [.set(items), .set(Array(items.reversed()))]
            pool += items.flatMap { [.choice($0), .text($0), .set([$0])] }
        }
    }
    func walk(_ c: Condition) {
        switch c {
        case .constant, .slot, .answered: break
        case .compare(let a, _, let b): add(a); add(b)
        case .contains(let set, let element): add(set); add(element)
        case .not(let x): walk(x)
        case .and(let x, let y), .or(let x, let y): walk(x); walk(y)
        }
    }
    walk(condition)
    return pool
}

@Test("compiled conditions evaluate like the reference interpreter on every condition of the shipped dialogs")
func compiledConditionMatchesShippedDialogs() throws {
    let graph = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    let all = conditions(in: graph)
    #expect(all.count > 50, "the shipped dialogs hold many conditions")
    var random = SplitMix64(seed: 16)
    var decisive = 0
    for condition in all {
        var outcomes: Set<Bool> = []
        var names: [String] = []
        var index: [String: Int] = [:]
        let compiled = CompiledCondition(condition, names: &names, index: &index)
        let program = ConditionProgram(condition)
        let pool = candidateValues(for: condition)
        for _ in 0..<200 {
            let table = names.map { _ in pool[random.pick(pool.count)] }
            let slots = Dictionary(
                uniqueKeysWithValues: zip(names, table).compactMap { name, value in value.map { (name, $0) } })
            let expected = condition.referenceEvaluate { slots[$0] }
            outcomes.insert(expected)
            #expect(compiled.evaluate(table) == expected, "\(condition) with \(slots)")
            #expect(program.evaluate(slots) == expected, "\(condition) with \(slots)")
        }
        if outcomes.count == 2 { decisive += 1 }
    }
    // The states make most conditions both true and false, so agreement is not agreement on a constant.
    #expect(decisive * 10 >= all.count * 9, "\(decisive) of \(all.count) conditions reached both outcomes")
}

// Generated conditions: random trees over three slots and a few literals of every kind (including the
// shapes the compiled form treats specially and ill-typed ones), each evaluated every way over random states.

/// A random condition of at most `depth` levels, reading slots `a`, `b` and `c`.
private func randomCondition(_ random: inout SplitMix64, depth: Int) -> Condition {
    let names = ["a", "b", "c"]
    let texts = ["x", "y"]
    func operand() -> Operand {
        switch random.pick(5) {
        case 0: return .slot(names[random.pick(3)], offset: 0)
        case 1: return .text(texts[random.pick(2)])
        case 2: return .number(Double(random.pick(3)))
        case 3: return .bool(random.pick(2) == 0)
        default: return .list(Array(texts.prefix(1 + random.pick(2))))
        }
    }
    let leaf = depth <= 0 ? 5 + random.pick(3) : random.pick(8)
    switch leaf {
    case 0: return .not(randomCondition(&random, depth: depth - 1))
    case 1: return .and(randomCondition(&random, depth: depth - 1), randomCondition(&random, depth: depth - 1))
    case 2: return .or(randomCondition(&random, depth: depth - 1), randomCondition(&random, depth: depth - 1))
    case 3: return .constant(random.pick(2) == 0)
    case 4: return .answered(names[random.pick(3)])
    case 5:
        let ops: [ComparisonOperator] = [.eq, .ne, .lt, .le, .gt, .ge]
        // Half the time the common `slot == 'text'` shape, either way round.
        if random.pick(2) == 0 {
            let slot = Operand.slot(names[random.pick(3)], offset: 0)
            let text = Operand.text(texts[random.pick(2)])
            let op: ComparisonOperator = random.pick(2) == 0 ? .eq : .ne
            return random.pick(2) == 0 ? .compare(slot, op, text) : .compare(text, op, slot)
        }
        return .compare(operand(), ops[random.pick(ops.count)], operand())
    case 6: return .contains(set: operand(), element: operand())
    default: return .slot(names[random.pick(3)])
    }
}

@Test("compiled conditions evaluate like the reference interpreter on generated conditions")
func compiledConditionMatchesGeneratedConditions() {
    var random = SplitMix64(seed: 61)
    let pool: [Value?] = [
        nil, .bool(true), .bool(false), .text("x"), .choice("x"), .choice("y"), .number(0), .number(1), .number(2),
        .set([]), .set(["x"]), .set(["y", "x"]), .set(["x", "y"]),
    ]
    for _ in 0..<2_000 {
        let condition = randomCondition(&random, depth: 3)
        var names: [String] = []
        var index: [String: Int] = [:]
        let compiled = CompiledCondition(condition, names: &names, index: &index)
        let program = ConditionProgram(condition)
        for _ in 0..<20 {
            var slots: [String: Value] = [:]
            for name in ["a", "b", "c"] { slots[name] = pool[random.pick(pool.count)] }
            let expected = condition.referenceEvaluate { slots[$0] }
            #expect(compiled.evaluate(names.map { slots[$0] }) == expected, "\(condition) with \(slots)")
            #expect(program.evaluate(slots) == expected, "\(condition) with \(slots)")
        }
    }
}
