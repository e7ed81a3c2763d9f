extension StoryProfile {
    /// The format byte of a similarity record (``similarityRecord(of:)``): a record of
    /// ``binaryFormat`` cut down to what comparing reads. Never decoded: a profile is always
    /// decoded from its whole record in `stories`.
    static let similarityFormat: UInt8 = 0x83

    /// What placement compares of the profile stored as `record`: the same layout, read by the same
    /// ``similarity(record:terms:keys:language:)`` and ``eventSpan(record:)``, with the keys' text
    /// left out of its vectors (their hashes stay), no headline and empty headline vectors. Nil
    /// for a record of an older format (keep it whole: it is compared by decoding it).
    ///
    /// About a third of the record's size, so the profile cache (``StoryProfileCache``) holds
    /// twice the stories in less memory, and SQLite's page cache three times as many of the ones
    /// read from `story_index`: reading the records the cache lacked was the largest part of
    /// placing an article. A similarity record cannot be decoded (``init(id:encoded:)`` refuses
    /// its format): a join reads the whole record.
    static func similarityRecord(of record: [UInt8]) -> [UInt8]? {
        // Copied into a scratch buffer of the record's size (the result is smaller), then into an
        // array of its own size, which the cache keeps: appending byte by byte took longer than
        // reading the record from SQLite.
        withUnsafeTemporaryAllocation(byteCount: record.count, alignment: 1) { scratch in
            var copier = SimilarityRecordCopier(reader: ProfileRecordReader(bytes: record), target: scratch)
            guard copier.copy() else { return nil }
            return [UInt8](UnsafeRawBufferPointer(rebasing: scratch[..<copier.written]))
        }
    }

    /// What comparing reads of the stored `record`: its similarity record, or the record itself
    /// when it is of an older format (compared by decoding it). Kept in `story_index` for each open
    /// story, and in the profile cache.
    package static func comparedRecord(of record: [UInt8]) -> [UInt8] {
        similarityRecord(of: record) ?? record
    }
}

/// Copies a record of ``StoryProfile/binaryFormat``, read with its reader, into a similarity
/// record written in place.
private struct SimilarityRecordCopier {
    var reader: ProfileRecordReader
    let target: UnsafeMutableRawBufferPointer
    var written = 0

    /// Copies the whole record; false when it is cut short or of another format.
    mutating func copy() -> Bool {
        guard reader.byte() == StoryProfile.binaryFormat, reader.skipString() else { return false }
        put(StoryProfile.similarityFormat)
        putZeros(2)  // no headline
        // The headline's document, the languages, the counts, times and span: copied as they are.
        let copied = reader.offset
        guard reader.skip(8), let languages = reader.count() else { return false }
        for _ in 0..<languages {
            guard reader.skipString() else { return false }
        }
        guard reader.skip(48), let centroids = reader.count() else { return false }
        append(copied..<reader.offset)
        for _ in 0..<centroids {
            let language = reader.offset
            guard reader.skipString() else { return false }
            append(language..<reader.offset)
            guard copyHashes() else { return false }
        }
        // What follows holds at least as many bytes as the tail written in its place: the result
        // never outgrows the record.
        guard copyHashes(), reader.bytes.count - reader.offset >= 34 else { return false }
        putZeros(34)  // the headline's terms and keys (two empty vectors), its language (empty)
        return true
    }

    /// Copies a vector's header and its entries' hashes and weights, each with an empty key.
    private mutating func copyHashes() -> Bool {
        let header = reader.offset
        // An entry takes 14 bytes at least: a larger count is damage.
        guard let count = reader.unsigned(width: 4).map(Int.init), let size = reader.unsigned(width: 4).map(Int.init),
            reader.skip(8), count * 14 <= size, reader.bytes.count - reader.offset >= size
        else { return false }
        let end = reader.offset + size
        append(header..<header + 4)  // the count
        withUnsafeBytes(of: UInt32(count * 14).littleEndian) { put($0) }
        append(header + 8..<header + 16)  // the length
        for _ in 0..<count {
            let entry = reader.offset
            guard reader.skip(12), reader.skipString(), reader.offset <= end else { return false }
            append(entry..<entry + 12)  // the hash and the weight
            putZeros(2)
        }
        return reader.offset == end
    }

    private mutating func append(_ range: Range<Int>) {
        reader.bytes.withUnsafeBytes { source in
            target.baseAddress!.advanced(by: written).copyMemory(
                from: source.baseAddress!.advanced(by: range.lowerBound), byteCount: range.count)
        }
        written += range.count
    }

    private mutating func put(_ byte: UInt8) {
        target[written] = byte
        written += 1
    }

    private mutating func putZeros(_ count: Int) {
        for _ in 0..<count { put(0) }
    }

    private mutating func put(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { put(byte) }
    }
}
