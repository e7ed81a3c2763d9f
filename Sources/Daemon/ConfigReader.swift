import TOMLKit

/// Reads typed values from a TOML table, with errors that name the key and what it should be.
struct ConfigReader {
    let table: TOMLTable
    let path: String

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string, !string.isEmpty else {
            throw ConfigError(path: path, "key '\(key)' must be a non-empty string, not \(value.debugDescription)")
        }
        return string
    }

    func seconds(_ key: String, minimum: Double) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), number >= minimum else {
            throw ConfigError(
                path: path,
                "key '\(key)' must be a number of seconds of at least \(minimum), not \(value.debugDescription)")
        }
        return number
    }

    /// A size as whole bytes (`1048576`) or a string with a unit (`"20 MiB"`, `"500 KB"`).
    func byteSize(_ key: String) throws(ConfigError) -> Int64? {
        guard let value = table[key] else { return nil }
        if let bytes = value.int, bytes > 0 { return Int64(bytes) }
        if let text = value.string, let bytes = Self.parseByteSize(text) { return bytes }
        throw ConfigError(
            path: path,
            "key '\(key)' must be a positive number of bytes or a size such as \"20 MiB\", not \(value.debugDescription)"
        )
    }

    /// A whole number in `range`, with `unit` naming what it counts in the error.
    func count(_ key: String, in range: ClosedRange<Int>, unit: String) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw ConfigError(
                path: path,
                "key '\(key)' must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound), not \(value.debugDescription)"
            )
        }
        return number
    }

    func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array, let strings = Optional(array.compactMap(\.string)), strings.count == array.count
        else {
            throw ConfigError(path: path, "key '\(key)' must be an array of strings, not \(value.debugDescription)")
        }
        return strings
    }

    static func parseByteSize(_ text: String) -> Int64? {
        let trimmed = text.filter { !$0.isWhitespace }
        let digits = trimmed.prefix(while: { $0.isNumber || $0 == "." })
        guard let number = Double(digits), number > 0 else { return nil }
        let units: [String: Double] = [
            "": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1_000_000, "mb": 1_000_000, "mib": 1_048_576,
            "g": 1_000_000_000, "gb": 1_000_000_000, "gib": 1_073_741_824,
        ]
        guard let unit = units[trimmed.dropFirst(digits.count).lowercased()] else { return nil }
        return Int64(number * unit)
    }
}
