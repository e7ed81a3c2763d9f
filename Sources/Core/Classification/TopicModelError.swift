/// A topic model file that cannot be used, with the path and what to do about it.
public struct TopicModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The file could not be read.
        public static let unreadable = Code("unreadable")

        /// The bytes are not a Newsdrop topic model.
        public static let foreign = Code("foreign")

        /// The file is a topic model of a format version this build does not read.
        public static let unsupportedVersion = Code("unsupportedVersion")

        /// The file is truncated or damaged.
        public static let corrupt = Code("corrupt")

        /// The name of the code ("corrupt").
        public var description: String { name }
    }

    /// What kind of problem it is.
    public var code: Code

    /// The sentence to show, naming the file when there is one, and the fix.
    public var message: String

    /// The underlying error (a file-system error), when there is one.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message.
    public var description: String { message }

    /// Errors are equal when their code and message are; the cause is not compared.
    public static func == (lhs: TopicModelError, rhs: TopicModelError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// The same error with `path` named in the message.
    func naming(_ path: String) -> TopicModelError {
        TopicModelError(code: code, message: "'\(path)': \(message)", cause: cause)
    }
}
