import Core
import Testing

struct SearchQueryTests {
    @Test func wordsPhrasesPrefixesAndExclusions() throws {
        let query = try SearchQuery(parsing: #"otan "garanties de sécurité" négo* -ukraine"#)
        #expect(query.required == [.word("otan"), .phrase("garanties de sécurité"), .prefix("négo")])
        #expect(query.excluded == [.word("ukraine")])
    }

    @Test func orJoinsItsNeighbours() throws {
        let query = try SearchQuery(parsing: "otan OR nato russie")
        #expect(query.required == [.either(.word("otan"), .word("nato")), .word("russie")])
    }

    @Test func filtersAreRead() throws {
        let query = try SearchQuery(parsing: "otan lang:FR after:2022-01-01 before:2022-02 source:lemonde")
        #expect(query.language == "fr")
        #expect(query.after == "2022-01-01")
        #expect(query.before == "2022-02")
        #expect(query.source == "lemonde")
    }

    @Test(arguments: ["", "   ", "-otan", "lang:fr"])
    func queriesWithoutAWordAreUsageErrors(text: String) {
        #expect(throws: QueryError.self) { try SearchQuery(parsing: text) }
    }

    @Test func badDateIsAnErrorThatShowsTheFormat() {
        #expect {
            try SearchQuery(parsing: "otan after:yesterday")
        } throws: { error in
            (error as? QueryError)?.message.contains("YYYY-MM-DD") == true
        }
    }

    @Test func matchExpressionQuotesTermsAndNegates() throws {
        let query = try SearchQuery(parsing: "otan -russie")
        let expression = try #require(query.matchExpression(languages: ["fr"]))
        #expect(expression.hasPrefix("(\""))
        #expect(expression.contains(" NOT "))
    }
}
