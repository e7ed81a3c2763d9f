/// Accents put back on the few word endings a Snowball stemmer recognises only when accented.
///
/// Words are folded before stemming, so that "negociacion" typed without accents stems like
/// "negociación". But Spanish Snowball strips "-ación" only with its accent, and Portuguese "-ação"
/// and "-ações" only with theirs: folded, "negociacion" would keep its ending while "negociaciones"
/// loses it. Restoring these unambiguous endings on the folded word keeps the order fold → stem
/// (the same input always gives the same term) and lets singular and plural meet again.
struct AccentedSuffixes: Sendable {
    /// Folded endings and their accented spelling, longest first.
    let rules: [(plain: [UInt8], accented: [UInt8])]

    /// Whether the stems may carry accents that must be folded again (Portuguese Snowball keeps
    /// "ç", "ã", "õ" in stems such as "eleiçã"; Spanish Snowball removes its accents itself).
    let stemsNeedFolding: Bool

    /// The endings to restore for a libstemmer algorithm, nil when it needs none.
    static func forAlgorithm(_ algorithm: String) -> AccentedSuffixes? {
        switch algorithm {
        case "spanish":
            AccentedSuffixes(rules: [("cion", "ción"), ("sion", "sión")], stemsNeedFolding: false)
        case "portuguese":
            AccentedSuffixes(
                rules: [("coes", "ções"), ("soes", "sões"), ("cao", "ção"), ("sao", "são")], stemsNeedFolding: true)
        default: nil
        }
    }

    /// Creates rules from string pairs.
    init(rules: [(String, String)], stemsNeedFolding: Bool) {
        self.rules = rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        self.stemsNeedFolding = stemsNeedFolding
    }

    /// Writes `word` with its ending accented into `output` and returns true, or returns false
    /// (leaving `output` alone) when no rule applies.
    ///
    /// A rule applies only when at least three bytes precede the ending, so short words such as
    /// "sao" (the folded "são") stay as they are.
    func restore(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        for rule in rules where word.count >= rule.plain.count + 3 {
            let stemEnd = word.count - rule.plain.count
            guard word[stemEnd...].elementsEqual(rule.plain) else { continue }
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: word[..<stemEnd])
            output.append(contentsOf: rule.accented)
            return true
        }
        return false
    }
}
