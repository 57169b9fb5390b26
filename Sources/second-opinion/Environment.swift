/// The process environment, one variable at a time: the chat reads a few variables at every start, and
/// `ProcessInfo.environment` would copy every variable into a dictionary first.
enum Environment {
    /// The variable's value, or nil when it is unset.
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variable's value when it is set to an absolute path.
    static func absolutePath(_ name: String) -> String? {
        value(name).flatMap { $0.hasPrefix("/") ? $0 : nil }
    }
}

/// Plain string paths, so the chat's start needs no `URL`.
enum FilePaths {
    /// `folder` and `name` joined by exactly one slash ("/a/" + "b" → "/a/b").
    static func join(_ folder: String, _ name: String) -> String {
        // Over UTF-8 bytes, not Characters: this runs for every path the chat builds as it starts.
        var base = folder
        while base.utf8.count > 1, base.utf8.last == UInt8(ascii: "/") { base.removeLast() }
        return base == "/" ? "/" + name : base + "/" + name
    }

    /// `path` without its last component ("/a/b/c" → "/a/b", "/a" → "/", "c" → ".").
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` made absolute against the working directory (unchanged when it is absolute already or
    /// the working directory is unknown). Not normalised: "./x" stays "<cwd>/./x".
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = currentDirectory() else { return path }
        return join(directory, path)
    }

    /// The working directory (`getcwd`).
    static func currentDirectory() -> String? {
        guard let raw = getcwd(nil, 0) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// The last component ("/a/b/c" → "c").
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
