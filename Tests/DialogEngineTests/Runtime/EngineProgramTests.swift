import Testing

@testable import DialogCore
@testable import DialogLoading

/// The engine's layout: every node id finds the step of that node, every link finds the step it names,
/// and a node taken out of the graph's table is missing, whether positions are the table's own places
/// (a loaded graph) or laid out by the engine (a graph edited in code).
@Suite struct EngineProgramTests {
    func checkLayout(_ graph: DialogGraph, missing: NodeID? = nil) {
        let program = EngineProgram(graph)
        for id in graph.nodeOrder where id != missing {
            guard let at = program.position(of: id) else {
                Issue.record("no position for \(id)")
                continue
            }
            let step = program.step(at)
            #expect(step.node.id == id)
            #expect(step.position == at)
            for (edge, target) in zip(step.node.edges, step.targets) {
                if edge.target == missing || graph.nodes[edge.target] == nil {
                    #expect(target == -1, "\(id) → \(edge.target)")
                } else {
                    #expect(target >= 0 && program.step(target).node.id == edge.target, "\(id) → \(edge.target)")
                }
            }
            if case .call(let callee, _) = step.node.exit {
                #expect(callee == missing ? step.callee == -1 : program.step(step.callee).node.id == callee)
            }
        }
        if let missing { #expect(program.position(of: missing) == nil) }
        #expect(program.entry == (graph.entry == missing ? -1 : program.position(of: graph.entry) ?? -1))
        for (interrupt, target) in zip(graph.interrupts, program.interruptTargets) {
            #expect(target == (interrupt.target == missing ? -1 : program.position(of: interrupt.target) ?? -1))
        }
    }

    @Test func aLoadedGraphIsLaidOutInItsOwnTablesOrder() throws {
        checkLayout(try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph))
        checkLayout(try #require(DialogLoader.load(paths: [Fixtures.small]).graph))
    }

    @Test func aNodeTakenOutOfTheTableIsMissingAndTheRestStillLinks() throws {
        let graph = try #require(DialogLoader.load(paths: [Fixtures.small]).graph)
        #expect(graph.nodeOrder.count >= 4)
        for removed in graph.nodeOrder {
            var edited = graph
            edited.nodes[removed] = nil
            checkLayout(edited, missing: removed)
            // Stepping never traps: a walk that reaches the removed node reports it.
            let engine = Engine(graph: edited)
            var (state, _) = engine.step(EngineState(seed: 1), .start)
            for line in ["yes", "1", "no", "back", "skip", "restart"] { (state, _) = engine.step(state, .line(line)) }
        }
    }
}
