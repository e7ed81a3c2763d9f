/// Little-endian writing of the values in a topic model file.
struct ModelByteWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends raw bytes.
    mutating func write(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    /// Appends an integer, little-endian.
    mutating func write<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends floats as their IEEE 754 bits, little-endian.
    mutating func write(_ values: [Float]) {
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { write(value.bitPattern) }
    }

    /// Appends a string as its UTF-8 length (16 bits) and bytes.
    mutating func write(_ string: String) {
        let utf8 = Array(string.utf8.prefix(Int(UInt16.max)))
        write(UInt16(utf8.count))
        write(bytes: utf8)
    }

    /// The FNV-1a 64-bit hash of `bytes`, the file's checksum against truncation and damage.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// Reads the values of a topic model file, checking every length against the bytes left.
struct ModelByteReader {
    private let bytes: [UInt8]
    private var offset: Int
    private let end: Int

    /// Creates a reader of `bytes[range]`.
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == end }

    /// Reads `count` raw bytes.
    mutating func read(count: Int) throws(TopicModelError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else { throw Self.truncated }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Reads a little-endian integer.
    mutating func read<Integer: FixedWidthInteger>(_: Integer.Type) throws(TopicModelError) -> Integer {
        let raw = try read(count: MemoryLayout<Integer>.size)
        return raw.reversed().reduce(Integer.zero) { $0 << 8 | Integer($1) }
    }

    /// Reads `count` floats, rejecting NaN and infinities, which no training produces.
    mutating func readFloats(count: Int) throws(TopicModelError) -> [Float] {
        guard count >= 0, count <= (end - offset) / 4 else { throw Self.truncated }
        let values = bytes.withUnsafeBytes { raw in
            (0..<count).map { position in
                Float(
                    bitPattern: UInt32(
                        littleEndian: raw.loadUnaligned(fromByteOffset: offset + position * 4, as: UInt32.self)))
            }
        }
        offset += count * 4
        guard values.allSatisfy(\.isFinite) else {
            throw TopicModelError(code: .corrupt, message: "the model holds a weight that is not a number" + Self.fix)
        }
        return values
    }

    /// Reads a string written by ``ModelByteWriter/write(_:)-(String)``, which must be valid UTF-8.
    mutating func readString() throws(TopicModelError) -> String {
        let length = Int(try read(UInt16.self))
        guard let string = String(validating: try read(count: length), as: UTF8.self) else {
            throw TopicModelError(code: .corrupt, message: "the model holds text that is not UTF-8" + Self.fix)
        }
        return string
    }

    /// What to do about a damaged file.
    static let fix = " (the file is damaged: rebuild it with `make model` or `newsdrop train`)"

    /// The error for a file that ends too soon.
    static let truncated = TopicModelError(code: .corrupt, message: "the model file ends too soon" + fix)
}
