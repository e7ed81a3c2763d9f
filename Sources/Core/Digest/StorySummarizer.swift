/// Extractive summaries: the one or two sentences closest to what a story's articles share.
///
/// Each sentence is a bag of content terms (stems, stop words left out); the story's centroid is
/// the sum of all of them. Sentences are scored by cosine similarity to the centroid, with a small
/// bonus for coming early in an article (news puts the essential first), and the best are given in
/// reading order. Only sentences in `language` are candidates, so a French story gets a French
/// summary even when an English report joined it.
///
/// A summary reads as prose: a candidate is a whole sentence (it ends like one, so a text cut by
/// `max_words_per_article` or a heading line is not), it is not the headline said again, and it
/// is not a site's boilerplate (newsletter, copyright, cookie and sharing lines, links).
enum StorySummarizer {
    /// At most `count` sentences of `texts` in `language`, joined by a space; "" when none fits.
    ///
    /// `headline` is the story's headline: a sentence that says it again is left out, as the digest
    /// shows the headline right above.
    static func summary(
        of texts: [String], language: String, headline: String = "", count: Int = 2, maximumLength: Int = 400
    ) -> String {
        let analyzer = Analyzer(language: language)
        let headlineTerms = Set(analyzer.contentTerms(in: headline))
        var candidates: [(text: Substring, terms: [String: Double], position: Int, article: Int)] = []
        var centroid: [String: Double] = [:]
        for (article, text) in texts.enumerated() {
            for (position, sentence) in sentences(in: text).enumerated() {
                let terms = analyzer.contentTerms(in: String(sentence))
                guard terms.count >= 5 else { continue }
                var bag: [String: Double] = [:]
                for term in terms { bag[term, default: 0] += 1 }
                for (term, weight) in bag { centroid[term, default: 0] += weight }
                guard sentence.count <= 300, endsLikeASentence(sentence), !isBoilerplate(sentence),
                    !repeats(headlineTerms, Set(bag.keys))
                else { continue }
                candidates.append((sentence, bag, position, article))
            }
        }
        let scored = candidates.map { candidate in
            (candidate, cosine(candidate.terms, centroid) + 0.1 / Double(candidate.position + 1))
        }
        var chosen: [(text: Substring, position: Int, article: Int)] = []
        var length = 0
        for (candidate, _) in scored.sorted(by: { $0.1 > $1.1 }) where chosen.count < count {
            guard length + candidate.text.count <= maximumLength else { continue }
            // A sentence repeated in another article (a wire copy) is said once.
            if chosen.contains(where: { $0.text == candidate.text }) { continue }
            chosen.append((candidate.text, candidate.position, candidate.article))
            length += candidate.text.count + 1
        }
        return chosen.sorted { ($0.article, $0.position) < ($1.article, $1.position) }.map { String($0.text) }
            .joined(separator: " ")
    }

    /// The sentences of `text`: cut after `.`, `!`, `?`, `…` or `。` followed by white space and a
    /// capital, a digit or an opening quote, and at line breaks; not after an initial ("M. Lavrov").
    static func sentences(in text: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        func cut(at end: String.Index) {
            var sentence = text[start..<end].drop(while: \.isWhitespace)
            while sentence.last?.isWhitespace == true { sentence.removeLast() }
            if !sentence.isEmpty { sentences.append(sentence) }
            start = end
        }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\n" {
                cut(at: next)
            } else if ".!?…。".contains(character), next < text.endIndex, text[next].isWhitespace {
                let after = text[next...].drop(while: \.isWhitespace).first
                let word = text[start..<index].split(whereSeparator: \.isWhitespace).last ?? ""
                let isInitial = character == "." && word.count <= 2 && word.first?.isUppercase == true
                if let after, after.isUppercase || after.isNumber || "«\"“'".contains(after), !isInitial {
                    cut(at: next)
                }
            }
            index = next
        }
        cut(at: text.endIndex)
        return sentences
    }

    /// Whether a sentence ends as a finished one: `.`, `!`, `?` or `。`, maybe inside closing
    /// quotes or brackets. An ellipsis ends a cut text, not a sentence.
    static func endsLikeASentence(_ sentence: Substring) -> Bool {
        let closing: Set<Character> = ["\"", "'", "”", "’", "»", ")", "]"]
        let end = sentence.reversed().first { !closing.contains($0) && !$0.isWhitespace }
        guard let end, ".!?。".contains(end) else { return false }
        return !sentence.hasSuffix("...")
    }

    /// Whether a sentence is one a site adds to every page rather than news: a link or address,
    /// or a newsletter, subscription, copyright, cookie, sharing or "read more" line (English and
    /// French, the corpus languages; lower-cased, accents kept).
    static func isBoilerplate(_ sentence: Substring) -> Bool {
        let lowered = sentence.lowercased()
        return boilerplateMarks.contains { lowered.contains($0) }
    }

    /// Words and signs that mark a boilerplate sentence.
    static let boilerplateMarks = [
        "http://", "https://", "www.", "@", "©", "copyright", "all rights reserved", "tous droits réservés",
        "newsletter", "subscribe to", "subscribe now", "abonnez-vous", "sign up for", "inscrivez-vous",
        "we use cookies", "use of cookies", "utilise des cookies", "utilisons des cookies", "accepter les cookies",
        "click here", "cliquez ici", "read more", "lire aussi", "lire la suite", "follow us", "suivez-nous",
        "share this", "partager sur", "enable javascript",
    ]

    /// Whether a sentence says the headline again: it holds nearly all of the headline's content
    /// terms (80% or more), as the first sentence does when the headline is that sentence cut short.
    static func repeats(_ headline: Set<String>, _ sentence: Set<String>) -> Bool {
        guard !headline.isEmpty else { return false }
        return Double(headline.intersection(sentence).count) / Double(headline.count) >= 0.8
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        var dot = 0.0
        for (term, weight) in a { dot += weight * (b[term] ?? 0) }
        let norms = (a.values.reduce(0) { $0 + $1 * $1 } * b.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 0
    }
}
