import DialogCore

extension Messages {
    /// A folder's messages file read on its own, for texts needed before the dialogs load (the command's
    /// `--help` overview): its wording where it reads cleanly, else the shipped English. `validate`
    /// reports the file's problems; this never does.
    package static func folderMessages(_ folder: String) -> Messages {
        let file = folder.hasSuffix("/") ? folder + MessagesReader.fileName : folder + "/" + MessagesReader.fileName
        guard case .bytes(let bytes) = FileBytes.read(file, limit: 1 << 20) else { return .english }
        return MessagesReader.read(DialogLoader.Source(name: file, bytes: bytes), sink: DiagnosticSink(), warnings: false) ?? .english
    }
}
