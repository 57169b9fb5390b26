import Testing

@testable import DialogEngine

// A compiled condition must evaluate exactly as the condition it came from, for every kind of value
// (and no value) in every slot it reads.

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

@Test("compiled conditions evaluate like conditions", arguments: sources)
func compiledConditionMatches(_ source: String) throws {
    let condition = try ConditionParser.parse(source).get()
    var names: [String] = []
    var index: [String: Int] = [:]
    let compiled = CompiledCondition(condition, names: &names, index: &index)
    // Every combination of values over the slots the condition reads (at most three here).
    var combination = [Int](repeating: 0, count: names.count)
    while true {
        let slots = Dictionary(uniqueKeysWithValues: names.indices.compactMap { i in values[combination[i]].map { (names[i], $0) } })
        let expected = condition.evaluate { slots[$0] }
        let table = names.map { slots[$0] }
        #expect(compiled.evaluate(table) == expected, "\(source) with \(slots)")
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
