/// Query-side analysis: the distinct index terms a user's word can match, one per language given
/// (stemmed in each).
///
/// A query does not say which language the wanted articles are in, so a word is analysed once per
/// candidate language and the results are ORed by the caller. The terms are already folded and
/// stemmed: ``NewsTokenizer`` passes query text through unchanged.
public enum QueryAnalysis {
    /// The index terms `word` can match, one per language in `languages`, duplicates removed, in the
    /// order of the languages.
    ///
    /// "negociations" in ["en", "fr"] gives ["negoci"] (both stemmers agree); "garanties" in
    /// ["en", "fr"] gives ["garanti"]... A word that analyses to several terms ("e-mail", "北京",
    /// "l'OTAN-Russie") gives them joined by spaces, which FTS5 reads as a phrase once quoted.
    /// With no language, the word is folded only ("und"). Returns [] when nothing searchable is left
    /// (punctuation only). With `droppingStopWords`, a word that is a stop word in any of the
    /// languages ("les" in French) gives []: the query does not say its language, and requiring a
    /// French article in every result would shut out the other languages.
    public static func alternatives(
        for word: String, languages: [String], droppingStopWords: Bool = false
    ) -> [String] {
        let analyzers = (languages.isEmpty ? ["und"] : languages).map(Analyzer.init(language:))
        if droppingStopWords, analyzers.contains(where: { $0.isStopWord(word) }) { return [] }
        var seen: Set<String> = []
        var alternatives: [String] = []
        for analyzer in analyzers {
            let terms = analyzer.terms(in: word).joined(separator: " ")
            if !terms.isEmpty, seen.insert(terms).inserted {
                alternatives.append(terms)
            }
        }
        return alternatives
    }
}
