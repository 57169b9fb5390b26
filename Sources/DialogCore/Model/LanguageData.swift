import Understanding

/// A dialog folder's language data: the built `Language`, or the checked sources to build it from on
/// first use (a chat started from compiled dialogs builds it when the first line is typed).
public final class LanguageData: Sendable {
    /// The language files, as read.
    public let sources: [DialogLoader.Source]
    private let built = LazyReference<Language>()

    /// Data already built (a full load).
    public init(_ language: Language, sources: [DialogLoader.Source]) {
        self.sources = sources
        _ = built.value { language }
    }

    /// Data to build when first used, from sources checked before (a compiled form's).
    public init(sources: [DialogLoader.Source]) {
        self.sources = sources
    }

    public var language: Language {
        built.value { LanguageLoader.build(sources).language }
    }
}

extension LanguageData: CustomReflectable {
    /// The sources only: whether the language is built yet is not part of what the data is.
    public var customMirror: Mirror { Mirror(self, children: ["sources": sources.map(\.name)]) }
}
