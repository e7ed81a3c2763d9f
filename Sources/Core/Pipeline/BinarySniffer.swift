/// Recognises files that are not text by their first bytes, so the rejection can say what they are.
public enum BinarySniffer {
    private static let signatures: [(magic: [UInt8], name: String)] = [
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document"),
        ([0x52, 0x49, 0x46, 0x46], "a RIFF media file (WAV, AVI or WebP)"),
        ([0x49, 0x44, 0x33], "an MP3 audio file"),
        ([0x4F, 0x67, 0x67, 0x53], "an Ogg media file"),
        ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "an SQLite database"),
    ]

    /// A description such as "a PNG image" when the bytes are a known binary format or hold NUL bytes; nil for text.
    ///
    /// UTF-16 text holds NUL bytes too, so callers check for it first.
    public static func binaryKind(of bytes: some Collection<UInt8>) -> String? {
        for signature in signatures where bytes.starts(with: signature.magic) {
            return signature.name
        }
        if bytes.prefix(8192).contains(0) { return "a binary file (it contains NUL bytes)" }
        return nil
    }
}
