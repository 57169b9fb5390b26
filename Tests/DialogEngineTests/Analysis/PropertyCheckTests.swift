import DialogEngine
import Testing

/// Path properties declared in JSON are checked by `explore` on every path.
@Suite struct PropertyCheckTests {
    @Test func eachKindOfViolatedPropertyIsCaughtWithACounterexample() throws {
        let graph = try ExploreFixtures.graph("property")
        let report = Explorer(graph: graph).run()
        let before = try #require(report.failures(of: .property("tip_for_everyone")).first)
        #expect(before.message.contains("'main.done' was reached before 'main.heart_tip'"))
        #expect(before.inputs == ["My knee"])
        let never = try #require(report.failures(of: .property("no_tip_for_hearts")).first)
        #expect(never.inputs == ["My heart"])
        let always = try #require(report.failures(of: .property("tip_is_reached")).first)
        #expect(always.message.contains("without passing 'main.heart_tip'"))
        for failure in [before, never, always] {
            #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
        }
    }

    @Test func alwaysReachesOnlyCountsPathsWhereTheConditionHolds() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("property")).run()
        // Skipping the topic leaves `answered(topic)` false at the end: not a violation on that path.
        let always = report.failures(of: .property("tip_is_reached"))
        #expect(always.count == 1)
        #expect(always.first?.inputs != ["skip"])
    }

    @Test func propertiesOfACorrectSetHold() throws {
        let graph = try ExploreFixtures.graph("good")
        #expect(graph.properties.count == 3)
        let report = Explorer(graph: graph).run()
        for p in graph.properties { #expect(report.failures(of: .property(p.id)).isEmpty) }
    }
}
