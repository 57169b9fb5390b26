import Testing

@testable import DialogCore

/// Deep conditions are refused with E046 instead of overflowing the stack (issue 15, item 6).
@Suite("Condition depth")
struct ConditionDepthTests {
    private func isDepthError(_ source: String) -> Bool {
        if case .failure(let error) = ConditionParser.parse(source) { return error.isDepthLimit }
        return false
    }

    @Test("Thousands of parentheses, nots, and/or links are refused, not a crash")
    func attacksAreRefused() {
        #expect(isDepthError(String(repeating: "(", count: 6_500) + "ready" + String(repeating: ")", count: 6_500)))
        #expect(isDepthError(String(repeating: "not ", count: 17_000) + "ready"))
        #expect(isDepthError(Array(repeating: "ready", count: 20_000).joined(separator: " and ")))
        #expect(isDepthError(Array(repeating: "ready", count: 20_000).joined(separator: " or ")))
        #expect(isDepthError(String(repeating: "(", count: 100_000)))  // unclosed, and too deep first
    }

    @Test("Up to the limit parses; one more level does not")
    func limit() {
        let depth = ConditionParser.maxDepth
        #expect((try? ConditionParser.parse(String(repeating: "not ", count: depth - 1) + "ready").get()) != nil)
        #expect(isDepthError(String(repeating: "not ", count: depth) + "ready"))
        #expect((try? ConditionParser.parse(Array(repeating: "ready", count: depth).joined(separator: " and ")).get()) != nil)
        #expect(isDepthError(Array(repeating: "ready", count: depth + 1).joined(separator: " and ")))
        let parens = String(repeating: "(", count: depth) + "ready" + String(repeating: ")", count: depth)
        #expect((try? ConditionParser.parse(parens).get()) != nil)
        #expect(isDepthError("(" + parens + ")"))
        // Ordinary conditions are far from it.
        #expect((try? ConditionParser.parse("country == 'uk' and not (age >= 65 or answered(notes))").get()) != nil)
    }
}
