/// A transcript being recorded: opened once, each turn's lines appended as they come, so a recording
/// never needs a temporary file and works on a terminal or a pipe as on a file.
final class Recording {
    let path: String
    private let descriptor: Int32

    /// Starts the recording at `path` with `text` (its header): a new file, or an existing one the
    /// caller agreed to replace, or a device or FIFO written directly.
    init(path: String, text: String, replace: Bool) throws(NamedFile.Failure) {
        self.path = path
        if NamedFile.isStream(path) {
            descriptor = try NamedFile.openDirectly(path, truncate: false, append: true)
            do {
                try NamedFile.writeAll(Array(text.utf8), to: descriptor, path: path)
            } catch {
                close(descriptor)
                throw error
            }
            return
        }
        try NamedFile.write(Array(text.utf8), to: path, replace: replace)
        descriptor = try NamedFile.openDirectly(path, truncate: false, append: true)
    }

    deinit { close(descriptor) }

    /// Appends `text`.
    func append(_ text: String) throws(NamedFile.Failure) {
        try NamedFile.writeAll(Array(text.utf8), to: descriptor, path: path)
    }
}
