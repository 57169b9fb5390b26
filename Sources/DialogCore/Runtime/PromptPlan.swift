/// A `say` text laid out for showing, once per step: its `when`/`else` condition compiled to slot
/// positions and its placeholders resolved to their slots and types, as a document's texts are
/// (`DocumentPlan.pieces`). Showing it compiles nothing; it reads as `Template.render` does with the
/// same answers (`PromptPlanTests` compares the two).
struct PromptPlan: Sendable {
    /// The slots the condition and placeholders read, in first-use order.
    let slots: [String]
    let pieces: [DocumentPlan.Piece]
    /// The text itself when it has no placeholder and no condition.
    let constant: String?

    /// `slotType` gives a slot's declared type (for option labels): the graph's.
    init(_ template: Template, slotType: (String) -> SlotType?) {
        if template.segments.count == 1, case .text(let text) = template.segments[0] {
            constant = text
            slots = []
            pieces = []
            return
        }
        var names: [String] = []
        var index: [String: Int] = [:]
        constant = nil
        pieces = DocumentPlan.pieces(template.segments, names: &names, index: &index, slotType: slotType)
        slots = names
    }

    /// The text with the answers in `answers`: an unanswered slot shows its fallback, or nothing.
    func render(_ answers: [String: Value]) -> String {
        if let constant { return constant }
        let values = slots.map { answers[$0] }
        var out = ""
        var missing: [String] = []
        DocumentRenderer.write(pieces, values, into: &out, missing: &missing)
        return out
    }
}
