import Testing

@testable import DialogCore

/// The `name` filter writes a name or an address line typed in one case as a name, and leaves text typed
/// with both cases as the person wrote it (but for a capital first letter).
@Suite struct NameFilterTests {
    @Test(arguments: [
        ("ballincollig medical centre", "Ballincollig Medical Centre"),
        ("ST MARYS HOSPITAL", "St Marys Hospital"),
        ("st vincent's university hospital", "St Vincent's University Hospital"),
        ("clinic of the sacred heart", "Clinic of the Sacred Heart"),
        ("the royal free", "The Royal Free"),
        ("cardiology", "Cardiology"),
        ("ballincollig gp practice", "Ballincollig GP Practice"),
        ("hôpital saint-louis", "Hôpital Saint-Louis"),
        ("o'connell street clinic", "O'Connell Street Clinic"),
        ("rheumatology at vgh", "Rheumatology at VGH"),
        ("mercy health er", "Mercy Health ER"),
        ("st james's hospital", "St James's Hospital"),
        ("orthopädische praxis am isartor", "Orthopädische Praxis am Isartor"),
        ("Banner urology", "Banner urology"),
        ("the MS clinic", "The MS clinic"),
        ("McKenzie Clinic", "McKenzie Clinic"),
        ("", ""),
    ] as [(String, String)])
    func writesANameTypedInOneCase(typed: String, written: String) {
        #expect(Template.display(.text(typed), type: nil, format: .init(filters: [.name])) == written)
    }

    @Test func parses() throws {
        let template = try Template.parse("To: {{records.clinic:name|[clinic]}}").get()
        #expect(template.segments.contains { if case .slot(_, _, let format) = $0 { return format.filters == [.name] } else { return false } })
    }
}
