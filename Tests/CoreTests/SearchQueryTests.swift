import Core
import Testing

/// The query syntax: words, phrases, prefixes, labels, filters, AND / OR / NOT and parentheses.
struct SearchQueryTests {
    typealias Expression = SearchQuery.Expression

    static func word(_ text: String) -> Expression { .term(.word(text)) }

    @Test(
        arguments: [
            ("otan", word("otan")),
            ("otan russie", .all([word("otan"), word("russie")])),
            ("otan AND russie", .all([word("otan"), word("russie")])),
            ("otan OR nato", .any([word("otan"), word("nato")])),
            ("otan OR nato russie", .any([word("otan"), .all([word("nato"), word("russie")])])),
            ("(otan OR nato) russie", .all([.any([word("otan"), word("nato")]), word("russie")])),
            ("otan -ukraine", .all([word("otan"), .not(word("ukraine"))])),
            ("otan NOT ukraine", .all([word("otan"), .not(word("ukraine"))])),
            ("otan -(ukraine OR kiev)", .all([word("otan"), .not(.any([word("ukraine"), word("kiev")]))])),
            (#""garanties de sécurité""#, .term(.phrase("garanties de sécurité"))),
            ("“garanties de sécurité”", .term(.phrase("garanties de sécurité"))),
            ("négo*", .term(.prefix("négo"))),
            ("entity:NATO AND entity:RU", .all([.term(.label(.entity, "NATO")), .term(.label(.entity, "RU"))])),
            ("topic:Politics OR lang:FR", .any([.term(.label(.topic, "politics")), .term(.label(.language, "fr"))])),
            ("and or not", .all([word("and"), word("or"), word("not")])),
        ] as [(String, Expression)])
    func queriesParseToTheirExpression(text: String, expected: Expression) throws {
        #expect(try SearchQuery(parsing: text).expression == expected)
    }

    @Test func filtersApplyToTheWholeQueryWhereverTheyAre() throws {
        let query = try SearchQuery(parsing: "after:2022-01-01 otan before:2022-02 source:lemonde")
        #expect(query.expression == Self.word("otan"))
        #expect(query.after == "2022-01-01")
        #expect(query.before == "2022-02")
        #expect(query.source == "lemonde")
    }

    @Test(arguments: [
        ("", "empty"), ("   ", "empty"), ("after:2022-01-01", "empty"), ("-otan", "only excludes"),
        ("NOT otan", "only excludes"), ("otan OR -nato", "only excludes"), ("OR otan", "both sides"),
        ("otan OR", "both sides"), ("otan AND", "both sides"), ("(otan", "not closed"), ("otan)", "no opening"),
        ("NOT", "NOT needs"), ("otan after:yesterday", "YYYY-MM-DD"), ("entity:", "needs a value"),
    ])
    func badQueriesAreUsageErrorsThatSayWhy(text: String, why: String) {
        #expect {
            try SearchQuery(parsing: text)
        } throws: { error in
            (error as? QueryError)?.message.contains(why) == true
        }
    }

    @Test func wordsMatchTheTextColumnsAndLabelsTheTags() throws {
        let query = try SearchQuery(parsing: "otan entity:OTAN -lang:en")
        let expression = try #require(query.matchExpression(languages: ["fr"], entityIDs: { _ in ["NATO"] }))
        #expect(expression == #"(({title body} : "otan" AND {tags} : "entity nato") NOT {tags} : "lang en")"#)
    }

    @Test func anEntityWithSeveralIdsMatchesAnyOfThem() throws {
        let query = try SearchQuery(parsing: "entity:Washington")
        let expression = query.matchExpression(languages: ["en"], entityIDs: { _ in ["US", "city:washington"] })
        #expect(expression == #"{tags} : ("entity us" OR "entity citywashington")"#)
    }

    @Test func wordsAreAnalysedInEachLanguage() throws {
        let query = try SearchQuery(parsing: "garanties OR négo*")
        let expression = try #require(query.matchExpression(languages: ["en", "fr"]))
        #expect(expression.contains(#""garanti""#) && expression.contains(#""garant""#))
        #expect(expression.contains(#""nego"*"#))
    }
}
