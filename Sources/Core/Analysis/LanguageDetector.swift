import CLD2Shim

/// Guesses the language of an article's text with CLD2 (Compact Language Detector 2).
///
/// CLD2 is thread-safe and fast (a few hundredths of a millisecond per call), so `detect(_:)` may be
/// called from any task. The build links CLD2's full tables (`libcld2_full`), which know about 160
/// languages, Latin, Maori and Hawaiian included.
public enum LanguageDetector {
    /// Bytes of text handed to CLD2 at most: the title and about 300 words, enough for a sure guess.
    ///
    /// CLD2 reads every byte it is given: on whole articles it was 9% of an ingest's CPU (the
    /// labelled corpus's median article is 2.7 KB in English, 4.6 KB in French, its longest ten
    /// percent over 10 KB), and still 8% with 4 KB. More text does not change its answer for a
    /// text in one language: on the 1,230 articles of the corpus, 1, 2 and 3 KB give the language
    /// that 4 KB gives for every one (the percentage differs for 6%, the share of the text it read).
    static let maximumBytes = 2 * 1024

    /// Bytes read first: when CLD2 finds them reliably at least ``sureShare`` percent one
    /// language, that is the answer, and the rest of ``maximumBytes`` is not read.
    ///
    /// Most articles are in one language from their first line: reading half as much halves
    /// CLD2's time (8% of an ingest's CPU at 2 KB, 5.5% at 1 KB). A mixed or short start reads
    /// on: 11 of 2,000 corpus articles did at 1 KB. At 512 bytes, the 1,230 labelled articles
    /// and 2,000 of the benchmark corpus get the same language as at 1 KB (16 another confidence).
    static let firstBytes = 512

    /// The percentage of the first bytes in one language that settles it.
    static let sureShare: CInt = 90

    /// The most likely language of `text`, or ``DetectedLanguage/undetermined`` when there is too
    /// little text or CLD2 does not know.
    ///
    /// Wraps `newsdrop_detect_language` (CLD2's `ExtDetectLanguageSummaryCheckUTF8`, plain-text mode).
    /// The confidence is CLD2's percentage of the text in that language over 100, halved when CLD2
    /// says the guess is not reliable.
    public static func detect(_ text: String) -> DetectedLanguage {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .undetermined }
            var code = [CChar](repeating: 0, count: 16)
            var percent: CInt = 0
            var reliable: CInt = 0
            var scored: CInt = 0
            for limit in bytes.count > maximumBytes ? [firstBytes, maximumBytes] : [maximumBytes] {
                let length = prefixLength(of: bytes, atMost: limit)
                scored = base.withMemoryRebound(to: CChar.self, capacity: length) { pointer in
                    newsdrop_detect_language(pointer, CInt(length), &code, CInt(code.count), &percent, &reliable)
                }
                if scored > 0, reliable != 0, percent >= sureShare { break }
            }
            guard scored > 0 else { return .undetermined }
            let cld2Code = String(decoding: code.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let iso = isoCode(forCLD2Code: cld2Code)
            guard iso != "und", percent > 0 else { return .undetermined }
            let confidence = Double(percent) / 100 * (reliable != 0 ? 1 : 0.5)
            return DetectedLanguage(code: iso, confidence: confidence)
        }
    }

    /// The language of an article: ``detect(_:)`` of its title and text joined by a line break,
    /// without copying the whole text to join them (only the first ``maximumBytes`` are read).
    public static func detect(title: String, text: String) -> DetectedLanguage {
        // A few bytes past what is read: the byte after the last one read tells a scalar boundary,
        // and a scalar cut at the end of the copy becomes U+FFFD beyond them.
        let kept = maximumBytes + 8 - (title.utf8.count + 1)
        guard kept > 0, text.utf8.count > kept else { return detect(title + "\n" + text) }
        return detect(title + "\n" + String(decoding: text.utf8.prefix(kept), as: UTF8.self))
    }

    /// The ISO 639-1 code for a CLD2 language code, CLD2's own code where ISO 639-1 has none, "und"
    /// for CLD2's unknown and script-only answers.
    ///
    /// CLD2 keeps some withdrawn codes ("iw" for Hebrew, "jw" for Javanese) and tags variants
    /// ("zh-Hant", "sr-ME") that analysis treats as the base language.
    static func isoCode(forCLD2Code code: String) -> String {
        switch code {
        case "", "un", "xxx": return "und"
        case "iw": return "he"
        case "jw": return "jv"
        case "zh-Hant": return "zh"
        case "sr-ME": return "sr"
        default:
            // "xx-Latn" and its kind name only a script: no language to analyse with.
            return code.hasPrefix("xx-") ? "und" : code
        }
    }

    /// The number of leading bytes, at most `limit`, that end on a UTF-8 scalar boundary.
    static func prefixLength(of bytes: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        guard bytes.count > limit else { return bytes.count }
        var end = limit
        // Continuation bytes are 0b10xxxxxx: back up to the start of the scalar they belong to.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
