/// A gazetteer data file that cannot be read or parsed, with the file, the line and the fix.
public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as an opaque code callers can compare.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        /// A data file is missing or unreadable.
        public static let unreadableFile = Code(name: "unreadableFile")
        /// A line does not have the `id<TAB>name<TAB>aliases…` shape, or holds an unusable value.
        public static let malformedLine = Code(name: "malformedLine")

        /// The code's name.
        public var description: String { name }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence naming the file, the line and the fix.
    public let message: String
    /// The underlying error, when there is one (a file-system error).
    public let cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message, with the cause when there is one.
    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }

    /// A line of `file` that is not `id<TAB>name<TAB>aliases…`.
    static func malformed(file: String, line: Int, _ problem: String) -> GazetteerError {
        GazetteerError(
            code: .malformedLine,
            message: "Cannot load entity data '\(file)' line \(line): \(problem) "
                + "(each line is an id, a tab, a display name, then tab-separated aliases; # starts a comment)")
    }
}
