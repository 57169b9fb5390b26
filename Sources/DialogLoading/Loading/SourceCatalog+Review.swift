import DialogCore

extension SourceCatalog {
    /// The review warning on `today` (`YYYY-MM-DD`): W073 once the next review date has passed.
    package func reviewDiagnostics(today: String) -> [Diagnostic] {
        guard nextReview < today else { return [] }
        return [
            Diagnostic(
                .reviewOverdue, location, pointer: "/next_review",
                "the content was due for review by \(nextReview) (last reviewed \(reviewed))",
                hint: "check every source and fact, then set \"reviewed\" to today and \"next_review\" to a later date")
        ]
    }
}
