import DialogTools
import Testing

/// `explore` on the shipped conversation: every proof holds on every path.
@Suite struct ShippedExploreTests {
    @Test func everyProofHoldsOnTheShippedDialogs() throws {
        let graph = try #require(ShippedExplore.load.graph)
        let report = Explorer(graph: graph).run()
        let failures = report.failures.map { "\($0.proof): \($0.message)\n" + $0.transcript.render() }
        #expect(report.passed, Comment(rawValue: failures.joined(separator: "\n")))
        #expect(report.states > 1_000)
        #expect(report.redFlags.count >= 5)
        #expect(graph.properties.count >= 3)
        if case .count(let paths) = report.paths { #expect(paths > 1_000_000) } else { Issue.record("cyclic: \(report.paths)") }
    }
}
