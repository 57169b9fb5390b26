import Understanding

/// A dialog folder's language data: the built `Language`, or the way to build it on first use (a chat
/// started from compiled dialogs builds it when the first line is typed).
public final class LanguageData: Sendable {
    /// The names of the language files it is built from.
    public let files: [String]
    private let built = LazyReference<Language>()
    private let build: @Sendable () -> Language

    /// Data already built (a full load).
    package init(_ language: Language, files: [String]) {
        self.files = files
        build = { language }
        _ = built.value { language }
    }

    /// Data to build when first used, by `build` (from sources checked before: a compiled form's).
    package init(files: [String], build: @escaping @Sendable () -> Language) {
        self.files = files
        self.build = build
    }

    public var language: Language {
        built.value(build)
    }
}

extension LanguageData: CustomReflectable {
    /// The files only: whether the language is built yet is not part of what the data is.
    public var customMirror: Mirror { Mirror(self, children: ["sources": files]) }
}
