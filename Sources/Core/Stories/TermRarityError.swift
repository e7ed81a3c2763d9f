/// Why the term rarity table could not be loaded.
public struct TermRarityError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that react differently to each case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The file is missing or unreadable.
        public static let unreadableFile = Code(name: "unreadableFile")
        /// A line is not `scope<TAB>term<TAB>count`.
        public static let malformedLine = Code(name: "malformedLine")

        /// The case's name.
        public var description: String { name }
        private let name: String
        private init(name: String) { self.name = name }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence naming the file or line and the fix.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message, followed by the cause when there is one.
    public var description: String {
        cause.map { "\(message): \($0)" } ?? message
    }
}
