@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Foundation
import Testing

/// Rendering from a document's plan (what the engine does) gives exactly what the plain renderer
/// gives, for many made-up sets of answers.
@Suite struct DocumentPlanTests {
    static let graph: DialogGraph? = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    /// A random answer for a slot of this type, or nil (unanswered) now and then.
    static func answer(_ type: SlotType, _ rng: inout SplitMix64) -> Value? {
        if rng.pick(4) == 0 { return nil }
        switch type {
        case .bool: return .bool(rng.pick(2) == 0)
        case .number(let min, let max, let integer):
            let low = min ?? -5
            let high = max ?? 500
            let n = low + Double(rng.pick(1000)) / 1000 * (high - low)
            return .number(integer ? n.rounded(.down) : n)
        case .text: return .text(["", "a few words", "cafe\u{301} ", "line\nbreak", "{{not a slot}}"][rng.pick(5)])
        case .choice(let options): return options.isEmpty ? nil : .choice(options[rng.pick(options.count)].value)
        case .multi(let options): return .set(options.map(\.value).filter { _ in rng.pick(2) == 0 })
        }
    }

    @Test func planRenderingIsThePlainRendering() throws {
        let graph = try #require(Self.graph)
        #expect(!graph.documents.isEmpty)
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<300 {
            var slots: [String: Value] = [:]
            for (name, definition) in graph.slots {
                if let value = Self.answer(definition.type, &rng) { slots[name] = value }
            }
            for id in graph.documentOrder {
                let document = try #require(graph.documents[id])
                let plain = DocumentRenderer.render(document, slots: slots, graph: graph)
                let planned = DocumentRenderer.render(document, plan: DocumentPlan(document) { graph.slotType($0) }, slots: slots, graph: graph)
                #expect(planned.title == plain.title)
                #expect(planned.markdown == plain.markdown)
                #expect(Array(planned.markdown.utf8) == Array(plain.markdown.utf8))
                #expect(planned.itemsIncluded == plain.itemsIncluded)
                #expect(planned.missing == plain.missing)
            }
        }
    }

    /// `save` writes what `DocumentRenderer.renderAll` renders, at every point of a shipped conversation.
    @Test func saveWritesEveryDocumentAsRenderAllDoes() throws {
        let graph = try #require(Self.graph)
        let engine = Engine(graph: graph)
        let text = try String(contentsOfFile: Fixtures.transcripts + "/02-uk-nhs-cancer.transcript", encoding: .utf8)
        let transcript = try Transcript.parse(text).get()
        var (state, _) = engine.step(EngineState(seed: transcript.seed), .start)
        for input in transcript.inputs where input != "quit" {
            (state, _) = engine.step(state, .line(input))
            let (after, outputs) = engine.step(state, .line("save notes.md"))
            #expect(after.slots == state.slots)
            #expect(outputs.first == .save(path: "notes.md", markdown: DocumentRenderer.renderAll(graph: graph, slots: state.slots)))
            // Then only the open question again (its text and options), if one is open.
            #expect(outputs.dropFirst().allSatisfy { if case .text(_, .say) = $0 { true } else if case .options = $0 { true } else { false } })
        }
    }

    @Test func everyKindOfItemAndEmptyTemplates() throws {
        let items: [DocumentTemplate.Item] = DocumentTemplate.Kind.allCases.flatMap { kind in
            [
                DocumentTemplate.Item(kind: kind, template: Template(segments: []), condition: nil, location: SourceLocation(file: "f", line: 1, column: 1)),
                DocumentTemplate.Item(kind: kind, template: Template(segments: [.text("plain")]), condition: nil, location: SourceLocation(file: "f", line: 1, column: 1)),
                DocumentTemplate.Item(
                    kind: kind, template: Template(segments: [.text("a "), .slot("x", fallback: nil), .slot("y", fallback: "why")]),
                    condition: nil, location: SourceLocation(file: "f", line: 1, column: 1)),
                DocumentTemplate.Item(kind: kind, template: Template(segments: [.slot("x", fallback: nil)]), condition: .slot("flag"), location: SourceLocation(file: "f", line: 1, column: 1)),
            ]
        }
        let document = DocumentTemplate(id: "d", title: Template(segments: [.text("T "), .slot("x", fallback: nil)]), items: items + items.reversed(), location: SourceLocation(file: "f", line: 1, column: 1))
        let graph = try #require(Self.graph)
        for slots: [String: Value] in [[:], ["x": .text("ex")], ["flag": .bool(true), "y": .number(2)], ["flag": .bool(true), "x": .text("")]] {
            let plain = DocumentRenderer.render(document, slots: slots, graph: graph)
            let planned = DocumentRenderer.render(document, plan: DocumentPlan(document) { graph.slotType($0) }, slots: slots, graph: graph)
            #expect(planned.markdown == plain.markdown)
            #expect(planned.itemsIncluded == plain.itemsIncluded)
            #expect(planned.missing == plain.missing)
        }
    }
}
