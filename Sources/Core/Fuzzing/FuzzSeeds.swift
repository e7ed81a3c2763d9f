import Foundation

/// The inputs a fuzzing run starts from: small files of every format the pipeline reads.
///
/// The built-in ones cover HTML, RSS, Atom, JSON and NDJSON next to the plain-text seeds and
/// fixtures read from folders, so that mutations start inside every extractor, not only the text one.
public enum FuzzSeeds {
    /// Small files in each format, with the names they would arrive under.
    public static let builtIn: [(fileName: String, text: String)] = [
        (
            "page.html",
            """
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Sommet de l'OTAN à Madrid</title>
            <meta name="date" content="2022-06-29"><script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav><article><h1>Sommet de l'OTAN</h1>
            <p>Les dirigeants de l&#8217;Alliance se sont réunis mercredi à Madrid pour discuter de la Russie.</p>
            <p>La Finlande et la Suède ont été invitées à rejoindre l&apos;organisation &amp; ses alliés.</p>
            <!-- comment <p>hidden</p> --></article><footer>© 2022</footer></body></html>
            """
        ),
        (
            "feed.rss",
            """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World news</title>
            <item><title>Talks on Ukraine resume in Geneva</title><pubDate>Mon, 10 Jan 2022 08:00:00 GMT</pubDate>
            <description><![CDATA[<p>US and Russian diplomats met in Geneva on Monday to discuss security.</p>]]></description>
            <guid>a1</guid></item><item><title>Les marchés reculent &amp; l&#39;euro baisse</title>
            <description>La Bourse de Paris a fini en baisse de 2 % vendredi.</description><guid>a2</guid></item>
            </channel></rss>
            """
        ),
        (
            "feed.atom",
            """
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Dépêches</title>
            <entry><id>urn:1</id><title type="html">Élections en Allemagne : le SPD en tête</title>
            <updated>2021-09-27T06:00:00Z</updated><content type="html">&lt;p&gt;Olaf Scholz revendique la victoire
            après le scrutin de dimanche à Berlin.&lt;/p&gt;</content></entry><entry><id>urn:2</id>
            <title>Moscow rejects the proposals</title><summary>The Kremlin said on Tuesday it saw no reason for optimism.
            </summary></entry></feed>
            """
        ),
        (
            "articles.json",
            """
            {"articles": [{"title": "Inflation hits 7% in the US", "text": "Consumer prices rose 7 percent in \
            December, the fastest pace since 1982, the Labor Department said.", "date": "2022-01-12", \
            "source": "wire"}, {"headline": "Grève à la SNCF", "body": "Le trafic sera très perturbé jeudi \
            \\u00e0 Paris.", "published": "2022-01-13T10:00:00+01:00"}]}
            """
        ),
        (
            "lines.ndjson",
            """
            {"title": "NATO allies send more troops", "content": "Alliance members pledged more forces to \
            eastern Europe on Thursday.", "id": 1}
            {"title": "Le gouvernement présente son budget", "content": "Le ministre de l'Économie a présenté \
            le projet de loi de finances à Bercy.", "id": 2}
            {"title": "", "content": "A record without a title still has words in its body text."}
            """
        ),
        (
            "note.txt",
            "date 2021-12-17\nRussia publishes its draft treaties\n\nMoscow published on Friday two draft treaties "
                + "with Washington and NATO, asking for guarantees that the alliance will not expand eastwards.\n"
        ),
    ]

    /// Every file in `folders` and their subfolders, sorted by path, skipping those over `maxSize` bytes.
    ///
    /// Sorted so that a run's inputs, which depend on the order of its seeds, depend on nothing else.
    public static func files(in folders: [URL], maxSize: Int = 256 * 1024) -> [(fileName: String, bytes: [UInt8])] {
        var found: [(path: String, fileName: String, bytes: [UInt8])] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker {
                guard let data = try? Data(contentsOf: url), data.count <= maxSize else { continue }
                found.append((url.path, url.lastPathComponent, Array(data)))
            }
        }
        return found.sorted { $0.path < $1.path }.map { ($0.fileName, $0.bytes) }
    }
}
