import ArgumentParser

/// `second-opinion schema`: prints the JSON Schema of dialog files (or of messages, sources or language files), so a
/// dialog folder anywhere can keep a local copy for its `$schema`.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of dialog files (for \"$schema\" and editors).",
        discussion:
            "second-opinion schema > dialog.schema.json; second-opinion schema --messages > messages.schema.json; second-opinion schema --sources > sources.schema.json; second-opinion schema --language > language.schema.json")

    @Flag(help: "Print the schema of a folder's messages.json instead.")
    var messages = false

    @Flag(help: "Print the schema of a folder's sources.json instead.")
    var sources = false

    @Flag(help: "Print the schema of the language data (language/<lang>/*.json, data/*.json) instead.")
    var language = false

    func validate() throws {
        if [messages, sources, language].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --messages, --sources or --language")
        }
    }

    func run() throws {
        print(messages ? SchemaText.messages : sources ? SchemaText.sources : language ? SchemaText.language : SchemaText.dialog)
    }
}
