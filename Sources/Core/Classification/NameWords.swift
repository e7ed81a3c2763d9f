/// Words that tell the person finder where names are not, and where they are.
///
/// Lists, not a model: they are small, reviewable and language-tagged only by comment. Words are
/// folded like text (case and accents ignored), so "President" covers "Président" and "président".
enum NameWords {
    /// Honorifics and titles: a capitalised word right after one is a name even alone ("Mr Riabkov",
    /// "président Macron"). Multi-word titles are listed by their words ("porte-parole" → "parole").
    static let titles: [String] = [
        // Honorifics.
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "M", "MM", "Mme",
        "Mmes", "Mlle", "Me", "Monsieur", "Madame", "Mademoiselle", "Herr", "Frau", "Sr", "Sra", "Srta", "Señor",
        "Señora", "Sig", "Signor", "Signora", "Dott", "Gospodin", "Rev", "Father", "Sister",
        // Offices, English.
        "President", "Vice-President", "Premier", "Minister", "Secretary", "Chancellor", "Spokesman",
        "Spokeswoman", "Spokesperson", "Senator", "Sen", "Rep", "Representative", "Congressman",
        "Congresswoman", "Governor", "Gov", "Mayor", "King", "Queen", "Prince", "Princess", "Emperor", "Pope",
        "Ambassador", "Envoy", "Leader", "Chairman", "Chairwoman", "Chair", "Director", "Commissioner", "Judge",
        "Justice", "Prosecutor", "General", "Gen", "Colonel", "Col", "Lieutenant", "Captain", "Capt", "Admiral",
        "Commander", "Sergeant", "Marshal", "Chief", "CEO", "Founder", "Coach", "Manager", "Deputy", "Vice",
        "Foreign", "Defence", "Defense", "Interior", "Sheikh", "Emir", "Sultan", "Ayatollah", "Patriarch",
        "Archbishop", "Bishop", "Cardinal", "Rabbi", "Imam", "Head", "Boss", "Opposition", "Activist",
        "Lawyer", "Attorney", "Economist", "Analyst", "Expert", "Correspondent", "Journalist", "Writer",
        "Author", "Actor", "Actress", "Singer", "Player", "Striker", "Candidate", "Mp", "MEP", "Consort",
        "Magistrate", "Baroness", "Baron", "Duke", "Duchess", "Earl", "Count", "Countess", "Mister",
        "Footballer", "Midfielder", "Defender", "Goalkeeper", "Winger", "Forward", "Boxer", "Golfer", "Cyclist",
        "Swimmer", "Sprinter", "Athlete",
        // Offices, French, German, Spanish, Italian.
        "Président", "Présidente", "Vice-président", "Ministre", "Secrétaire", "Général", "Générale",
        "Chancelier", "Chancelière", "Porte-parole", "Parole", "Sénateur", "Sénatrice", "Député", "Députée",
        "Gouverneur", "Maire", "Roi", "Reine", "Pape", "Ambassadeur", "Ambassadrice", "Envoyé", "Dirigeant",
        "Chef", "Cheffe", "Directeur", "Directrice", "Commissaire", "Juge", "Procureur", "Colonel", "Capitaine",
        "Maréchal", "Patron", "Patronne", "Fondateur", "Entraîneur", "Sélectionneur", "Adjoint", "Adjointe",
        "Vice-ministre", "Vice-premier", "Homologue", "Avocat", "Avocate", "Économiste", "Analyste", "Expert",
        "Experte", "Opposant", "Opposante", "Militant", "Militante", "Journaliste", "Écrivain", "Auteur",
        "Chanteur", "Chanteuse", "Acteur", "Actrice", "Joueur", "Joueuse", "Candidat", "Candidate", "Représentante",
        "Représentant", "Conseiller", "Conseillère", "Émissaire", "Présidents", "Ministres",
        "Präsident", "Präsidentin", "Kanzler", "Kanzlerin", "Ministerin", "Bundeskanzler", "Bundeskanzlerin",
        "Sprecher", "Sprecherin", "Presidente", "Ministro", "Ministra", "Portavoz", "Portavoce", "Canciller",
        // Offices, Russian and Ukrainian ("Президент Владимир Путин", "глава МИД Сергей Лавров").
        "Президент", "Президента", "Премьер", "Министр", "Министра", "Глава", "Главы", "Канцлер", "Госсекретарь",
        "Генсек", "Генеральный", "Секретарь", "Посол", "Пресс-секретарь", "Спикер", "Лидер", "Мэр", "Губернатор",
        "Депутат", "Господин", "Госпожа", "Міністр", "Голова", "Прем'єр", "Речник",
    ]

    /// Titles of the offices public figures hold (a subset of ``titles``): a figure's short form that
    /// is not sure alone ("Xi", "Charles") names the figure after one of these ("President Xi", "King
    /// Charles", "le président Macron"), not after "Mr" or "Coach".
    static let officeTitles: [String] = [
        "President", "Presidente", "Präsident", "Präsidentin", "Premier", "Minister", "Ministre", "Ministro",
        "Ministra", "Ministerin", "Chancellor", "Chancelier", "Kanzler", "Kanzlerin", "Bundeskanzler", "Canciller",
        "King", "Queen", "Roi", "Reine", "Emperor", "Prince", "Princess", "Sultan", "Emir", "Sheikh", "Secretary",
        "General", "Taoiseach", "Pope", "Pape", "Leader", "Chairman", "Президент", "Премьер", "Министр", "Канцлер",
        "Президента",
    ]

    /// Lower-case particles inside names ("Ursula von der Leyen", "Charles de Gaulle"), and capitalised
    /// ones that may start a surname ("Le Pen", "Van Rompuy") but never a name alone.
    static let particles: [String] = [
        "de", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "da", "di", "do", "dos", "das", "del",
        "della", "bin", "ibn", "ben", "al", "el", "y", "zu", "af", "abu", "ould", "mac", "st", "saint",
    ]

    /// Capitalised words that are not names: function words starting sentences, months, weekdays,
    /// institutions and places by their common nouns, demonyms, headline words. A word of this list
    /// ends a run of capitalised words, so "Foreign Minister Sergei Lavrov" yields "Sergei Lavrov"
    /// and "Black Sea" yields nothing.
    static let common: [String] = [
        // English function words and frequent sentence starters.
        "The", "A", "An", "And", "Or", "But", "If", "In", "On", "At", "Of", "For", "With", "From", "By", "To",
        "As", "It", "Its", "He", "She", "They", "We", "You", "I", "His", "Her", "Their", "Our", "My", "This",
        "That", "These", "Those", "There", "Here", "When", "Where", "While", "After", "Before", "During",
        "Since", "Until", "Why", "How", "What", "Who", "Which", "Whose", "All", "Some", "Many", "Most", "More",
        "No", "Not", "Yes", "Also", "However", "But", "So", "Then", "Now", "Today", "Yesterday", "Tomorrow",
        "Last", "Next", "New", "Old", "According", "Despite", "Although", "Under", "Over", "About", "Against",
        "Between", "Among", "Into", "Through", "Without", "Within", "Meanwhile", "Earlier", "Later", "Still",
        "Even", "Only", "Just", "Such", "Other", "Another", "Each", "Every", "Both", "Either", "Neither", "One",
        "Two", "Three", "First", "Second", "Third", "Final", "Read", "See", "Watch", "Click", "Share", "Follow",
        "Sign", "Subscribe", "Photo", "Video", "Image", "Getty", "Images", "Reuters", "AFP", "AP", "Copyright",
        "Advertisement", "Related", "Update", "Updated", "Breaking", "Live", "Exclusive", "Opinion", "Editorial",
        "Analysis", "Comment", "Source", "Sources", "Story", "Stories", "Report", "Reports", "Press", "Media",
        "Mr", "Mrs", "Ms", "Dear", "Thank", "Thanks", "Please", "Welcome", "Hello", "Good", "Great", "Big",
        // French function words and frequent sentence starters.
        "Le", "La", "Les", "L", "Un", "Une", "Des", "Du", "De", "D", "Au", "Aux", "Et", "Ou", "Mais", "Donc",
        "Car", "Ni", "Or", "Si", "En", "Dans", "Sur", "Sous", "Par", "Pour", "Avec", "Sans", "Chez", "Vers",
        "Selon", "Depuis", "Pendant", "Avant", "Après", "Lors", "Il", "Elle", "Ils", "Elles", "On", "Nous", "Vous",
        "Je", "Ce", "Cet", "Cette", "Ces", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Nos", "Votre", "Qui",
        "Que", "Quoi", "Quand", "Comment", "Pourquoi", "Où", "Tout", "Tous", "Toute", "Toutes", "Plus", "Moins",
        "Très", "Aussi", "Ainsi", "Alors", "Pourtant", "Cependant", "Néanmoins", "Toutefois", "Enfin", "Puis",
        "Encore", "Déjà", "Aujourd", "Hier", "Demain", "Désormais", "Malgré", "Outre", "Entre", "Contre",
        "Face", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Janvier", "Février",
        "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
        "Lire", "Voir", "Retour", "Actualités", "Actualité", "Publié", "Mis", "Jour", "Fin", "Début", "Suite",
        "Nord", "Sud", "Est", "Ouest", "Centre", "Ici", "Là", "Non", "Oui", "Bien", "Pas", "Rien", "Chaque",
        "Certains", "Certaines", "Plusieurs", "Autre", "Autres", "Même", "Mme", "Mlle", "Ça", "Cela", "Ceci",
        // German and Spanish sentence starters seen in mixed feeds.
        "Der", "Die", "Das", "Ein", "Eine", "Und", "Im", "Mit", "Von", "Zu", "Auf", "Für", "El", "Los", "Las",
        "Una", "Con", "Por", "Para", "Según",
        // Weekdays and months, English.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Christmas",
        "Easter", "Noël", "Pâques", "Ramadan",
        // Clubs, places and bodies whose names look like a first name and a surname ("Manchester
        // United", "Aston Villa", "San Francisco", "Citizens Advice", "Plaid Cymru").
        "United", "Villa", "Rovers", "Wanderers", "Albion", "Hotspur", "Athletic", "Athletico", "Atletico",
        "Inter", "Real", "Sporting", "Olympique", "Borussia", "Juventus", "Celtic", "Rangers", "Saint-Germain",
        "Germain", "FC", "AFC", "San", "Santa", "Los", "Las", "Royal", "Trust", "Studies", "Advice", "Citizens",
        "Insight", "Orchestra", "Slam", "Cymru", "Responsibility", "Reporting", "Democracy", "Scotland",
        "Wales", "England", "Ireland", "Infirmary", "Clinic", "Academy", "Museum", "Gallery", "Theatre",
        "Stadium", "Arena", "Airways", "Airlines", "Motors", "Holdings", "Partners", "Capital", "Insurance",
        "Society", "Gardens", "Symphony", "Philharmonic", "Instituto", "Inspectorate", "Educational",
        // Institutions, bodies and roles by their common nouns.
        "House", "Senate", "Congress", "Parliament", "Assembly", "Council", "Commission", "Committee",
        "Court", "Supreme", "Ministry", "Department", "Office", "Agency", "Authority", "Government", "Cabinet",
        "Administration", "State", "States", "Federal", "National", "International", "Union", "Party",
        "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Labour", "Conservative",
        "Conservatives", "Liberal", "Liberals", "Greens", "Army", "Navy", "Air", "Force", "Forces",
        "Guard", "Police", "Bank", "Fund", "Group", "Company", "Corporation", "Inc", "Corp", "Ltd", "Co",
        "University", "College", "School", "Institute", "Foundation", "Association", "Organization",
        "Organisation", "Alliance", "Treaty", "Pact", "Agreement", "Accord", "Summit", "Conference", "Forum",
        "Affairs", "Foreign", "Defence", "Defense", "Interior", "Justice", "Health", "Finance", "Treasury",
        "Economy", "Trade", "Energy", "Security", "Intelligence", "Service", "Services", "Emergency",
        "Minister", "Ministers", "Prime", "Secretary", "General", "Deputy", "Chief", "Executive", "Officer",
        "Spokesman", "Spokeswoman", "Spokesperson", "Director", "Ambassador", "Envoy", "Representative",
        "Post", "Times", "Journal", "News", "Herald", "Tribune", "Daily", "Weekly", "Magazine", "Gazette",
        "Telegraph", "Guardian", "Independent", "Observer", "Express", "Mail", "Mirror", "Sun", "Street",
        "Avenue", "Road", "Square", "Bridge", "Park", "Airport", "Airlines", "Airways", "Station", "Port",
        "Hospital", "Church", "Cathedral", "Palace", "Castle", "Museum", "Stadium", "Hall", "Tower", "Centre",
        "Center", "Club", "Cup", "League", "Championship", "Olympic", "Olympics", "Games", "Open", "World",
        "Festival", "Award", "Awards", "Prize", "Nobel", "Oscar", "Oscars", "Day", "Week", "Year", "War",
        "Wars", "Revolution", "Empire", "Kingdom", "Republic", "Federation", "Region", "Province", "County",
        "City", "Town", "Village", "District", "Island", "Islands", "Sea", "Ocean", "Gulf", "Bay", "Lake",
        "River", "Mount", "Mountain", "Mountains", "Valley", "Desert", "Coast", "Peninsula", "Strait", "Canal",
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Middle",
        "Upper", "Lower", "Greater", "Black", "Red", "White", "Blue", "Yellow", "Baltic", "Atlantic", "Pacific",
        "Arctic", "Mediterranean", "Caribbean", "Caucasus", "Balkans", "Sahel", "Europe", "Asia", "Africa",
        "America", "Americas", "Oceania", "Antarctica", "Eurasia", "Western", "Internet", "Covid", "Coronavirus",
        "Google", "Facebook", "Twitter", "Instagram", "YouTube", "TikTok", "Telegram", "WhatsApp", "Apple",
        "Microsoft", "Amazon", "Tesla", "Netflix", "God", "Allah", "Lord", "Christ", "Jesus", "Bible", "Koran",
        // Same in French.
        "Maison", "Blanche", "Sénat", "Congrès", "Parlement", "Assemblée", "Conseil", "Commission", "Comité",
        "Cour", "Tribunal", "Ministère", "Département", "Bureau", "Agence", "Autorité", "Gouvernement",
        "Cabinet", "Administration", "État", "États", "Fédéral", "Fédérale", "National", "Nationale",
        "Internationale", "Union", "Parti", "Armée", "Force", "Forces", "Garde", "Police",
        "Gendarmerie", "Banque", "Fonds", "Groupe", "Société", "Entreprise", "Université", "École", "Institut",
        "Fondation", "Association", "Organisation", "Alliance", "Traité", "Pacte", "Accord", "Sommet",
        "Conférence", "Affaires", "Étrangères", "Extérieures", "Intérieur", "Défense", "Santé", "Finances",
        "Économie", "Commerce", "Énergie", "Sécurité", "Renseignement", "Éducation", "Culture", "Travail",
        "Transports", "Environnement", "Agriculture", "Armées", "Outre-mer", "Premier", "Première", "Secrétaire",
        "Général", "Directeur", "Ambassadeur", "Monde", "Figaro", "Libération", "Parisien", "Express", "Point",
        "Obs", "Dépêche", "Presse", "Rue", "Place", "Boulevard", "Pont", "Parc", "Aéroport", "Gare", "Hôpital",
        "Église", "Palais", "Château", "Musée", "Stade", "Tour", "Coupe", "Ligue", "Championnat", "Jeux",
        "Olympiques", "Mondial", "Festival", "Prix", "Guerre", "Révolution", "Empire", "Royaume", "République",
        "Fédération", "Région", "Département", "Ville", "Île", "Îles", "Mer", "Océan", "Golfe", "Lac", "Fleuve",
        "Mont", "Montagne", "Vallée", "Côte", "Détroit", "Canal", "Orient", "Occident", "Oriental", "Orientale",
        "Occidental", "Occidentale", "Europe", "Asie", "Afrique", "Amérique", "Amériques", "Océanie", "Alpes",
        "Dieu", "Internet", "Conseil", "Alliance", "Atlantique", "Pacifique", "Noire", "Rouge", "Baltique",
        "Méditerranée", "Caucase", "Balkans", "Manche", "Proche", "Moyen", "Extrême", "Sahara",
        // Demonyms and adjectives of place, English and French.
        "American", "Americans", "Russian", "Russians", "Ukrainian", "Ukrainians", "European", "Europeans",
        "British", "English", "French", "German", "Germans", "Chinese", "Japanese", "Korean", "Indian", "Iranian",
        "Israeli", "Israelis", "Palestinian", "Palestinians", "Arab", "Arabs", "Turkish", "Syrian", "Iraqi",
        "Afghan", "Pakistani", "Polish", "Italian", "Spanish", "Dutch", "Belgian", "Swiss", "Swedish",
        "Norwegian", "Finnish", "Danish", "Greek", "Soviet", "Western", "Westerners", "African", "Asian",
        "Latin", "Muslim", "Muslims", "Islamic", "Christian", "Christians", "Catholic", "Jewish", "Sunni",
        "Shia", "Kurdish", "Scottish", "Welsh", "Irish", "Tory", "Tories", "MPs", "MP", "Commons", "Lords",
        "Belarusian", "Georgian", "Canadian", "Mexican", "Brazilian", "Australian",
        "Américain", "Américaine", "Américains", "Américaines", "Russe", "Russes", "Ukrainien", "Ukrainienne",
        "Ukrainiens", "Européen", "Européenne", "Européens", "Européennes", "Britannique", "Britanniques",
        "Français", "Française", "Allemand", "Allemande", "Allemands", "Chinois", "Chinoise", "Japonais",
        "Iranien", "Israélien", "Israéliens", "Palestinien", "Palestiniens", "Arabe", "Arabes", "Turc", "Turque",
        "Syrien", "Soviétique", "Soviétiques", "Occidentaux", "Africain", "Africaine", "Musulman", "Musulmans",
        "Kurde", "Kurdes", "Biélorusse", "Géorgien", "Belge", "Suisse", "Italien", "Espagnol", "Polonais",
    ]
}
