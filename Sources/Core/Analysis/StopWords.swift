/// The function words of a language: articles, pronouns, prepositions, conjunctions, auxiliaries.
///
/// Stop words stay in the index, so that a quoted phrase matches exactly what was written. They are
/// dropped where they only add noise: from the words of a query outside quotes (so that "le sommet
/// de l'OTAN" does not require "le" and "de", which would also shut out every English article) and
/// from the features of topic and story models. The lists are short on purpose: a word that is
/// also a name, an acronym or a common noun in news ("US", "WHO", "May", French "est" = east,
/// "or" = gold) is left out.
enum StopWords {
    /// The folded stop words of `language` (ISO 639-1, region ignored), nil when there is no list.
    static func words(forLanguage language: String) -> StopWordSet? {
        let base = (language.split(separator: "-").first.map(String.init) ?? language).lowercased()
        return folded[base == "nb" ? "no" : base]
    }

    /// The lists folded the way the index folds words ("été" → "ete"), built once.
    private static let folded: [String: StopWordSet] = lists.mapValues { list in
        // The scanner, not an Analyzer: making an Analyzer reads this very table.
        var words: [[UInt8]] = []
        var list = list
        list.withUTF8 { bytes in
            ScalarFolding.table.withUnsafeBufferPointer { table in
                WordScanner(table: table).scan(bytes) { word, _ in
                    words.append(Array(word))
                    return true
                }
            }
        }
        return StopWordSet(words)
    }

    /// The lists as written, accents included.
    private static let lists: [String: String] = [
        "en": """
        a an the and or but nor of in on at to from by for with without about as into onto over under \
        than then so if because while whether that this these those there here what which whose whom \
        i me my we our you your he him his she her they them their its is are was were be been being \
        am do does did doing have has had having will would shall should can could might must \
        not no yes also just very too
        """,
        "fr": """
        le la les un une des du de d au aux et ou mais donc ni car que qu qui quoi dont où ce cet \
        cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos je tu il elle on nous \
        vous ils elles me te se lui y en ne pas plus dans par pour sur sous avec sans entre vers chez \
        sont être avait avaient ont a fut sera seront soit c s l j m n t
        """,
        "de": """
        der die das den dem des ein eine einer eines einem einen und oder aber denn sondern dass ob \
        wenn als wie im in ins am an auf aus bei mit nach von vor zu zum zur über unter durch für gegen \
        ohne um ich du er sie es wir ihr mich mir dich dir sich sein seine ihre ihren ist sind war \
        waren wird werden wurde wurden hat haben hatte hatten nicht kein keine auch noch nur
        """,
        "es": """
        el la los las un una unos unas lo al del de y e o u pero ni que quien cual cuyo donde como \
        cuando en con sin por para sobre entre hacia desde hasta ante bajo yo tú él ella nosotros \
        ellos ellas me te se le les nos mi mis tu tus su sus es son era eran fue fueron ser ha han \
        había habían no sí también muy ya
        """,
        "it": """
        il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal \
        dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle \
        di a da in con su per tra fra e ed o ma che chi cui non io tu lui lei noi voi loro mi ti si ci \
        vi ne è sono era erano fu ha hanno aveva avevano essere suo sua suoi sue anche più
        """,
        "pt": """
        o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em \
        por para com sem sobre entre e ou mas nem que quem qual cujo onde como quando eu tu ele ela \
        nós eles elas me te se lhe lhes seu sua seus suas é são era eram foi foram ser ter tem têm \
        tinha não sim também muito já
        """,
        "nl": """
        de het een en of maar want dat die dit deze wie wat waar hoe als dan in op aan bij met van \
        voor na naar door over uit tot om tegen zonder ik jij je hij zij ze wij we jullie u mij me \
        hem haar ons hun zijn is was waren wordt worden werd werden heeft hebben had niet geen ook \
        nog al er
        """,
        "ru": """
        и а но или да что чтобы как когда где кто который которая которые это этот эта эти тот та \
        те в во на с со к ко по о об от до из у за над под при про для без через между я ты он она \
        оно мы вы они его её ее их ему ей им мне меня себя был была было были быть есть не ни же ли \
        бы уже также тоже
        """,
        "uk": """
        і й та а але чи що щоб як коли де хто який яка які це цей ця ці той та ті в у на з із зі до \
        від по про при для без через між над під я ти він вона воно ми ви вони його її їх йому їй \
        їм мені був була було були бути є не ні же вже також
        """,
        "sv": """
        en ett den det de och eller men att som om när där var hur i på av till från med för utan \
        över under mot hos vid jag du han hon vi ni dem honom henne oss er sin sitt sina är var \
        varit vara har hade blir blev inte ej också
        """,
        "da": """
        en et den det de og eller men at som om når hvor hvordan i på af til fra med for uden over \
        under mod hos ved jeg du han hun vi I dem ham hende os jer sin sit sine er var været være \
        har havde bliver blev ikke også
        """,
        "no": """
        en ei et den det de og eller men at som om når hvor hvordan i på av til fra med for uten \
        over under mot hos ved jeg du han hun vi dere dem ham henne oss sin sitt sine er var vært \
        være har hadde blir ble ikke også
        """,
    ]
}

/// Folded words looked up without allocating: the scanner hands out borrowed UTF-8.
struct StopWordSet: Sendable {
    /// The words by their FNV-1a hash; a hit is confirmed byte for byte.
    private let byHash: HashValueMap<[UInt8]>

    /// Creates the set from folded words.
    init(_ words: [[UInt8]]) {
        var byHash = HashValueMap<[UInt8]>(minimumCapacity: words.count)
        for word in words {
            byHash[word.withUnsafeBufferPointer(Self.hash)] = word
        }
        self.byHash = byHash
    }

    /// Whether the folded word `bytes` is in the set.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = byHash[Self.hash(bytes)] else { return false }
        return word.elementsEqual(bytes)
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
