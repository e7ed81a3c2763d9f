/// File paths as the kernel gives them, bytes, carried in a `String` that gives the same bytes back.
///
/// Linux file names are bytes: `raw-\xff\xfe.txt` is a valid name that is not UTF-8, and decoding
/// it with replacement characters gives a path that no longer opens. Valid UTF-8 stays as it is;
/// every other byte becomes one scalar of the private-use range U+F780…U+F7FF (U+F700 + byte), as
/// do the bytes of a name that really holds one of those scalars, so decoding and encoding are
/// inverse for every byte string. The archive, the settle queue and the watcher keep this form;
/// system calls get `bytes(_:)` or `withCString(_:_:)`, people get `readable(_:)`.
public enum RawPath {
    static let escapeBase: UInt32 = 0xF700
    static let escapedRange: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The path for the bytes of a file name or path (without a terminating NUL).
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self), !valid.unicodeScalars.contains(where: isEscape) {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let length = sequenceLength(lead: array[index])
            if length > 1, index + length <= array.count,
                let decoded = String(validating: array[index..<(index + length)], as: UTF8.self),
                let scalar = decoded.unicodeScalars.first, !isEscape(scalar)
            {
                scalars.append(scalar)
                index += length
            } else if array[index] < 0x80 {
                scalars.append(Unicode.Scalar(array[index]))
                index += 1
            } else {
                // An invalid byte, or one byte of a scalar that itself lies in the escape range.
                scalars.append(Unicode.Scalar(escapeBase + UInt32(array[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The exact bytes of `path`, without a terminating NUL.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: isEscape) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isEscape(scalar) {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the NUL-terminated bytes of `path`, for a system call.
    public static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
        -> Result
    {
        guard path.unicodeScalars.contains(where: isEscape) else { return try path.withCString(body) }
        let terminated = bytes(path).map { CChar(bitPattern: $0) } + [0]
        return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `path` for a message or a terminal: bytes that are not UTF-8 as `\xFF`, control characters as
    /// `\x1B` (so a name cannot move the cursor or set a window title), a backslash as `\\` only when
    /// something else was escaped. Plain paths come back unchanged.
    public static func readable(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { isEscape($0) || isControl($0) }) else { return path }
        var text = ""
        for scalar in path.unicodeScalars {
            if isEscape(scalar) {
                text += "\\x" + hex(UInt8(scalar.value - escapeBase))
            } else if isControl(scalar) {
                text +=
                    scalar.value <= 0xFF ? "\\x" + hex(UInt8(scalar.value)) : "\\u{\(String(scalar.value, radix: 16))}"
            } else if scalar == "\\" {
                text += "\\\\"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The last component of `path`, in the same form.
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func isEscape(_ scalar: Unicode.Scalar) -> Bool {
        escapedRange.contains(scalar.value)
    }

    /// C0 and C1 controls and DEL: what a terminal may act on.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// How many bytes a UTF-8 sequence starting with `lead` claims (1 for ASCII and invalid leads).
    private static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
