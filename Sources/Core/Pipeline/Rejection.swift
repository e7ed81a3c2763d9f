/// Why a file cannot be ingested: a typed reason that is shown to the user and kept in the store.
public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, stable across versions so tools can filter on it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The file is empty or holds only white space.
        public static let empty = Code(name: "empty")
        /// The file is binary (an image, an archive, a document format Newsdrop does not read).
        public static let binary = Code(name: "binary")
        /// The bytes decode to text, but no article could be found in it.
        public static let noArticle = Code(name: "no-article")
        /// The file is larger than `max_file_size`.
        public static let tooLarge = Code(name: "too-large")
        /// The path is not a regular file inside the drop folder.
        public static let notRegularFile = Code(name: "not-regular-file")
        /// The file could not be read.
        public static let unreadable = Code(name: "unreadable")

        /// The code's stable name, such as `binary`.
        public var description: String { name }
    }

    /// The kind of problem.
    public var code: Code
    /// A sentence a person can act on.
    public var message: String

    /// Creates a rejection with its code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, as shown in the journal's `NEWSDROP_REASON`.
    public var description: String { message }
}
