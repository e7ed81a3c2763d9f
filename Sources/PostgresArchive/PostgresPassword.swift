import Foundation

/// The password of a PostgreSQL archive's role, from outside the configuration and the journal.
public enum PostgresPassword {
    /// The environment variable a password may come from.
    public static let environmentVariable = "NEWSDROP_DATABASE_PASSWORD"

    /// The password: the first line of `file` (`database_password_file`) when one is named, else
    /// ``environmentVariable`` from `environment`, else none (a server that trusts the role, or a
    /// peer-authenticated Unix socket).
    ///
    /// - Throws: ``PostgresPasswordError`` when the named file cannot be read or is empty; a
    ///   password that was asked for is never silently left out.
    public static func resolve(
        file: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresPasswordError) -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw .unreadable(file) }
            let password = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !password.isEmpty else { throw .empty(file) }
            return String(password)
        }
        return environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Why the password file named by `database_password_file` gives no password.
public enum PostgresPasswordError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case empty(String)

    public var description: String {
        switch self {
        case .unreadable(let file): "cannot read the database password file \(file)"
        case .empty(let file): "the database password file \(file) is empty: its first line is the password"
        }
    }
}
