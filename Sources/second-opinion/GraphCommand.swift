import ArgumentParser
import DialogCore
import DialogTools

/// `second-opinion graph`: the conversation as Graphviz DOT or Mermaid source.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the conversation graph as DOT or Mermaid.")

    @OptionGroup var dialogOptions: DialogOptions

    @ArgumentParser.Option(help: "dot or mermaid.")
    var format: GraphFormat = .mermaid

    @ArgumentParser.Option(help: "Only this dialog (calls into others are shown as edges to them).")
    var dialog: String?

    func run() throws {
        let graph = try dialogOptions.load()
        if let dialog, graph.dialogs[dialog] == nil {
            throw ValidationError("no dialog '\(dialog)'; dialogs: \(graph.dialogOrder.joined(separator: ", "))")
        }
        print(GraphExporter.export(graph, format: format == .dot ? .dot : .mermaid, dialog: dialog), terminator: "")
    }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid
}
