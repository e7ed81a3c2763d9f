/// A labelled corpus that cannot be read, with the file, the line and what to do about it.
///
/// The message is a sentence for the person running `newsdrop train`: "'/data/eng.tsv' line 12: the
/// quoted field opened here is never closed (close it with a double quote, write quotes inside as \"\")".
public struct CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is, for code that reacts to some of them.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The file or folder could not be read at all.
        public static let unreadable = Code("unreadable")

        /// A TSV file does not follow the format (header, quoting, number of columns).
        public static let malformed = Code("malformed")

        /// The language of a file cannot be told from its name.
        public static let unknownLanguage = Code("unknownLanguage")

        /// The corpus holds no examples, or too few to train or evaluate.
        public static let tooSmall = Code("tooSmall")

        /// The name of the code ("malformed").
        public var description: String { name }
    }

    /// What kind of problem it is.
    public var code: Code

    /// The sentence to show: the path, the line when there is one, and the fix.
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
    public static func == (lhs: CorpusError, rhs: CorpusError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
