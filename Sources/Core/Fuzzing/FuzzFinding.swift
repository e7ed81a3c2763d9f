/// An input that broke an invariant of the pipeline or the store, or took too long.
public struct FuzzFinding: Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// An article breaks a rule every article keeps (its title, its language).
        case invariant
        /// Committing the input's outcome to the store threw.
        case storeError = "store-error"
        /// Searching the store with a query made from the input threw.
        case searchError = "search-error"
        /// The pipeline took longer than its bound for the input's size.
        case slow
    }

    /// What went wrong.
    public var kind: Kind
    /// The input that did it.
    public var input: FuzzInput
    /// A sentence saying what was expected and what came instead.
    public var message: String

    /// Whether the finding is a failure; a slow input is reported, not failed, as its time depends on the machine.
    public var isFailure: Bool { kind != .slow }

    /// Creates a finding.
    public init(_ kind: Kind, input: FuzzInput, message: String) {
        self.kind = kind
        self.input = input
        self.message = message
    }

    /// The kind, the input's index, name and size, and the message on one line.
    public var description: String {
        "\(kind.rawValue): input \(input.index) ('\(input.fileName)', \(input.bytes.count) bytes): \(message)"
    }
}
