/// Word lists the slot finders and the language guess share.
struct Lexicon: Sendable {
    private let intentWords: Set<String>
    /// What the finders ask of nearly every word, against a dozen lists: answered once per
    /// distinct word (folded, as typed).
    private let neverZones = WordTable<Bool>()
    private let unlistedWords = WordTable<Bool>()

    init(intentWords: Set<String>) {
        self.intentWords = intentWords
    }

    func isIntentWord(_ word: String) -> Bool { intentWords.contains(word) }

    /// A word typed that is never read as a misspelt zone: short, the rules' or an everyday word.
    func neverAZone(typed: String) -> Bool {
        // (A short word is answered without a lookup: most are.)
        typed.utf8.count < 4 || neverZones.value(for: typed) { typed in
            isIntentWord(typed) || CommonWords.all.contains(typed) || Self.nearZoneWords.contains(typed)
                || Self.notNameWords.contains(typed)
        }
    }

    /// A word typed that no word list claims but the zones' (a common first name or surname
    /// counts as unclaimed).
    func unlisted(_ typed: String) -> Bool {
        unlistedWords.value(for: typed) { typed in
            !Self.notNameWords.contains(typed) && !isIntentWord(typed)
                && (CommonWords.names.contains(typed) || !CommonWords.all.contains(typed))
                && !LanguageGuess.english.contains(typed) && !LanguageGuess.spanish.contains(typed)
                && !Self.notPlaces.contains(typed) && !Self.placeMarkers.contains(typed)
                && Self.number(typed) == nil && !Self.timeWords.contains(typed)
        }
    }

    /// Four words: the finders ask this of nearly every word, and comparing beats hashing.
    static let articles = ["el", "la", "los", "las"]
    /// The same by id, for the zone finder's walk over every word.
    static let articleIds = WordIdSet(articles)

    /// The words that identify a zone: "La Loma" → ["loma"], "San Isidro" → ["san", "isidro"].
    static func significantWords(of zone: String) -> [String] {
        Text.fold(zone).split(separator: " ").map(String.init).filter { !articles.contains($0) }
    }

    /// Words after which a named place is where the person is ("vivo en", "llegan a").
    static let presenceTriggers: [[String]] = [
        ["vivo", "en"], ["vivimos", "en"], ["vive", "en"], ["viven", "en"], ["lives", "in"], ["estoy", "en"], ["estamos", "en"], ["soy", "de"], ["somos", "de"],
        ["servicio", "en"], ["cobertura", "en"], ["llegan", "a"], ["llegan", "hasta"], ["llega", "a"], ["llega", "hasta"],
        ["senal", "en"], ["senal", "por"], ["internet", "en"], ["cubren"], ["live", "in"], ["cover"], ["coverage", "in"],
        ["service", "in"], ["area", "of"], ["en"], ["por"], ["in"],
    ]

    static let presenceTriggerIds = WordIds.phrases(presenceTriggers)

    static let placeArticles = ["el", "la", "los", "las"]

    /// Everyday words one letter away from a zone's name: never read as a misspelt zone.
    static let nearZoneWords: Set<String> = [
        "dentro", "adentro", "centra", "centros", "corte", "cortes", "porte", "norteno", "nortena", "orienta", "oriento",
        "orientar", "toma", "tomas", "coma", "goma", "lomo", "lama", "loba", "sue", "suerte", "fuerte",
        "puente", "cuento", "cientos", "ciento", "contra", "centavo",
    ]

    /// Nouns that follow "en la…" without being a place ("en la casa", "en la noche").
    static let notPlaces: Set<String> = interjections.union([
        // "tiene un ranchito allá": where, not a name.
        "alla", "aya", "aca", "aka", "aqui", "aki", "ahi", "ai", "there", "here",
        // ("el ejido ps esta pasando la presa": "pues", no name.)
        "ps", "pos", "pss",
        // ("no se bien q zona sea, creo q ya es la loma": a verb after "zona", no name.)
        "sea", "seria", "sera",
        // "quiero poner el internet en la tortillería": a business, not a colonia.
        "tortilleria", "taller", "negocio", "local", "papeleria", "farmacia", "estetica", "ciber", "salon", "consultorio",
        "depa", "departamento", "obra", "tiendita", "carniceria", "fonda", "restaurante", "panaderia", "abarrotes",
        "miscelanea", "purificadora", "gimnasio", "terminal", "clinica", "studio", "estudio", "sitio", "caseta",
        // "ya estoy en el orno", "ando en el trabajo": where the person is right now, not a colonia.
        "horno", "orno", "cocina", "trabajo", "chamba", "carro", "coche", "camion", "trafico", "junta", "cama",
        "casa", "noche", "tarde", "manana", "madrugada", "mañana", "cuarto", "sala", "cocina", "recamara", "azotea",
        "techo", "calle", "esquina", "escuela", "iglesia", "tienda", "oficina", "trabajo", "semana", "mes", "ano", "dia",
        "red", "computadora", "tele", "compu", "celular", "linea", "zona", "colonia", "cobertura", "mismo", "misma",
        "otro", "otra", "parte", "partes", "area", "lista", "fila", "pueblo", "rancho", "ciudad", "cerro", "ejido",
        "house", "home", "morning", "evening", "night", "area", "town", "street", "neighborhood", "same", "meantime",
        "modem", "internet", "servicio", "plan", "paquete", "momento", "rato", "ratito", "lluvia", "luz", "antena",
        "pm", "am", "hora", "horas", "mañanas", "noches", "tardes", "fin", "camino", "lugar",
        "domicilio", "direccion", "negocio", "local", "consultorio", "cliente", "nombre",
        // ("internet en la casita donde se va a hospedar", "en la capilla", "para el hotel")
        "casita", "capilla", "parroquia", "hotel", "posada", "bodega",
        // "I'm going to write in English": a language.
        "english", "spanish", "ingles", "espanol",
    ])

    static let placeMarkers: Set<String> = [
        "colonia", "col", "zona", "barrio", "fraccionamiento", "rancho", "ranchito", "ejido", "comunidad", "localidad", "ranchería",
        "rancheria", "privada", "residencial", "unidad", "neighborhood",
    ]
    static let placeMarkerIds = WordIdSet(placeMarkers)

    /// Words that end a place name ("col. Santa Rosa y …", "rancho Los Pinos esta …").
    static let placeStopWords: Set<String> = [
        "y", "que", "es", "hay", "por", "para", "a", "en", "con", "ahi", "alla", "aca", "aqui", "esta", "me", "mi",
        "si", "no", "ya", "pero", "cerca", "como", "el", "la", "los", "las", "de", "del", "se", "tienen", "llegan",
        "llega", "ustedes", "porque", "donde", "cuanto", "cuando", "quiero", "necesito", "tengo", "vivo", "and", "is", "do",
        "por", "favor", "internet", "servicio", "hasta", "o", "u", "un", "una", "este", "esa", "ese", "tambien",
        "pertenece", "tiene", "tienen", "queda", "le", "les", "dan", "ay", "somos", "soy", "desde", "sin", "pero",
        "todavia", "aun", "ya", "the", "please", "if", "we", "i", "my", "zone", "area", "yet", "or",
        // "colonia morte perdón en la norte": what takes the place back ends it.
        "perdon", "digo", "sorry",
    ]

    /// Words before "de 50" that make it a plan ("el de 50", "internet de 50").
    static let planIntroducers: Set<String> = ["el", "la", "los", "del", "plan", "paquete", "planes", "the", "internet", "uno",
                                               "servicio", "velocidad", "ese", "esa", "este", "esta", "mejor", "pal", "al",
                                               // ("Esa si la quiero de 100")
                                               "quiero", "queremos", "quisiera",
                                               // ("si el mismo de 50": the plan said before, again)
                                               "mismo", "misma"]
    static let currencyWords: Set<String> = ["pesos", "varos", "mxn", "dlls", "dolares", "peso", "bucks"]
    static let speedUnits: Set<String> = ["megas", "mega", "mb", "mbps", "megabits", "megabit", "meg", "megs", "mbs", "megabyte",
                                          "megabytes", "megaz"]
    static let cheapWords: Set<String> = ["barato", "economico", "basico", "chico", "sencillo", "cheapest", "cheap", "cheaper",
                                          "pequeno", "menor", "baratito", "basic", "smallest", "varato", "varatito", "baratillo",
                                          "sencillito", "economiquito", "basiquito", "chiquito", "chiquita", "chiquitito",
                                          // ("Oh, is expensive for me. And the small one?")
                                          "small", "smaller",
                                          // ("el mas chafa": the cheapest, in slang)
                                          "chafa",
                                          // ("y la otra mas baratita?": a plan said in the feminine, as "la opción")
                                          "baratita", "barata", "economica", "basica", "sencilla", "varatita"]
    static let fastWords: Set<String> = ["rapido", "caro", "grande", "completo", "fastest", "potente", "veloz", "mejor",
                                         "fast", "chido", "mayor", "rapidito", "biggest"]

    /// Numbers in digits or words ("cincuenta", "cien", "fifty").
    static func number(_ word: String) -> Int? {
        inDigits(word) ?? numberWords[word]
    }

    /// The same of a message's word with its id (`WordIds`): a word that is no number word
    /// is ruled out by a bit, not looked up.
    static func number(_ word: String, id: Int32) -> Int? {
        inDigits(word) ?? (numberWordIds.contains(id) ? numberWords[word] : nil)
    }

    private static func inDigits(_ word: String) -> Int? {
        // Parsing is dear and most words are not numbers: only a digit or a sign can start one.
        guard let first = word.utf8.first, (first >= 48 && first <= 57) || first == 43 || first == 45 else { return nil }
        return Int(word)
    }

    static let numberWordIds = WordIdSet(numberWords.keys)

    static let numberWords: [String: Int] = [
        "diez": 10, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
        "ochenta": 80, "noventa": 90, "cien": 100, "sinquenta": 50, "ciento": 100, "doscientos": 200, "quinientos": 500,
        "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    ]

    /// Digits and the numbers from eleven to nineteen in words, for numbers dictated aloud.
    static let digitWords: [String: Int] = [
        "cero": 0, "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    ]
    static let teenWords: [String: Int] = [
        "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
        "diecinueve": 19,
    ]

    static let nameTriggers: [[String]] = [
        // "El contrato a mi nombre por favor, Arturo…; la inquilina se llama Sandra": whose name it goes under first.
        // "Le escribe Paty, de la inmobiliaria… a nombre de la señora Beatriz Olvera": the holder first.
        ["a", "mi", "nombre"], ["a", "nombre", "de"], ["nombre", "completo", "es"], ["full", "name", "is"], ["me", "llamo"], ["mi", "nombre", "es"], ["se", "llama"], ["le", "escribe"], ["mi", "nombre"], ["its"], ["my", "name", "is"], ["soy"], ["im"],
        // ("mi neim es Chuy Rodriguez", spelt by ear)
        ["mi", "neim", "es"], ["my", "neim", "is"], ["neim", "es"],
        ["i", "am"], ["this", "is"], ["habla"], ["me", "yamo"], ["me", "iamo"], ["m", "llamo"], ["m", "yamo"], ["name", "s"], ["name", "is"], ["name"],
        // ("put me on the list anyway, name's rebecca walsh": the apostrophe read away.)
        ["names"],
        // "sí apúnteme yolanda cervantes ruiz": who goes on the list.
        ["apunteme"], ["apuntame"], ["anoteme"], ["anotame"], ["apuntela"], ["apuntelo"],
        // ("put it under her name antonia ramos de dolan")
        ["under", "her", "name"], ["under", "his", "name"], ["under", "my", "name"],
        // ("AQUI LA SEÑORA REFUGIO SALAZAR, DEL ORIENTE")
        ["aqui", "la", "senora"], ["aqui", "el", "senor"],
        // ("póngale Rosario Aguirre Luna, es mi mamá")
        ["pongale"], ["ponle"],
    ]
    static let nameTriggerIds = WordIds.phrases(nameTriggers)

    static let searchTriggers: [[String]] = [
        ["busca"], ["buscame"], ["buscar"], ["look", "up", "client"], ["look", "up"], ["client", "named"],
        ["se", "llame"], ["informacion", "de"], ["datos", "del", "cliente"], ["datos", "de"], ["find"],
        ["search", "for"], ["find", "the", "customer"], ["find", "customer"], ["se", "apellida"], ["dona"], ["don"],
        ["localizar", "a"], ["localiza", "a"], ["localice", "a"],
        ["senora"], ["senor"], ["cliente"],
    ]
    static let searchTriggerIds = WordIds.phrases(searchTriggers)

    static let honorifics: Set<String> = [
        "don", "dona", "sr", "sra", "srta", "senor", "senora", "senorita", "lic", "ing", "profe", "mr", "mrs", "ms",
        "doctor", "dr", "dra", "a", "la", "el",
    ]

    /// Words after "soy" that are not a name ("soy cliente", "soy del sur", "soy nuevo").
    /// Exclamations and chat noises: never a name, never a place.
    static let interjections: Set<String> = [
        "oh", "wow", "ay", "ah", "uy", "nmms", "jaja", "jajaja", "jajajaja", "xd", "bro", "dude", "hmm", "mmm", "pff",
        "uff", "ups", "omg", "lol", "ahh", "ayy", "ayyy", "chale", "nel", "neta", "wey", "guey", "alv", "ntc", "tqm", "caray",
        "wtf", "plis", "pls", "grax", "thx", "bye", "cool", "nice", "aja", "eh", "oye", "oiga",
    ]

    /// Words that are no name but stay out of the spelling vocabulary (so "avisan" is not read as "avisen").
    static let notNamesUnspelt: Set<String> = [
        // ("avisen" when the name for the waiting list is asked: "let me know", no one.)
        "avisen", "avisame", "avisenme", "aviseme", "apuntame", "apunteme", "anotame", "anoteme",
        // ("15% packet loss on Google Meet": an app, no one.)
        "google", "meet", "zoom", "netflix", "youtube", "skype", "whatsapp", "facebook", "teams", "tiktok",
        // ("this is kind of complicated": how it is, no one.)
        "kind", "sort", "pretty", "really", "quite", "complicated", "urgent",
        // ("soy veterinario de ganado": a trade, no one.)
        "veterinario", "veterinaria", "ganadera", "zapatero", "farmaceutico", "farmaceutica", "panadera",
    ]

    static let notNameWords: Set<String> = notNamesUnspelt.union(interjections).union([
        // "a nombre de mi hermana. Dele de alta de una vez": asking, not a name.
        "dele", "denle", "deme", "dame", "espaldas", "do", "it",
        // ("…a nombre de mi hermana. Ándele pues, muchas gracias": go on, not a name.)
        "andale", "orale", "neim",
        // ("fue el corrector"; "We have a Canadian Visa": a card, not a name.)
        "corrector", "autocorrector", "visa", "mastercard", "amex", "canadian",
        // ("Por favor procedan", "Yes, that's all correct. It's Zaragoza #14": going ahead, and an address.)
        "procedan", "proceda", "procede", "prosigan", "continuen", "adelante", "its",
        // ("actually wait 600 is a bit steep for me, lets do the 50 instead")
        "actually", "wait", "ive", "id", "ill",
        // ("20 is fine. we dont watch movies")
        "we", "dont",
        // ("ocupas mi nombre completo?")
        "completo", "completa",
        // ("Ah, perdone usted, no había leído bien su mensaje")
        "perdone", "usted",
        // ("Perdone que le escriba tan largo")
        "tan", "largo",
        // ("Requiero factura a nombre de la notaría": the business, not who signs.)
        "notaria", "negocio", "empresa", "oficina",
        // ("a nombre de Papeleria La Estrella... ah no, tiene q ser persona? entonces Arturo Beltran")
        "papeleria",
        // ("Soy diseñadora y trabajo desde casa": what they do, not who they are.)
        "disenadora", "disenador", "maestra", "maestro", "enfermera", "enfermero", "ingeniera", "ingeniero", "contadora",
        "contador", "abogada", "abogado", "jubilada", "jubilado", "estudiante", "comerciante", "arquitecta", "arquitecto",
        "de", "del", "la", "el", "name", "names", "los", "las", "y", "e", "cliente", "clienta", "nuevo", "nueva", "yo", "su", "tu",
        "vecino", "vecina", "quien", "usuario", "usuaria", "dueno", "duena", "mama", "papa", "hijo", "hija", "igual", "mismo", "misma",
        "ella", "vive", "viven", "cuando", "sec", "pasando", "saliendo", "llegando", "bajando", "subiendo", "entrando",
        "esposa", "esposo", "muy", "bien", "un", "una", "alguien", "que", "con", "en", "por", "para", "mi", "se",
        "ya", "no", "si", "es", "atras", "enfrente", "junto", "says", "said", "told", "thinks", "dice", "dijo", "cree", "estoy", "tengo", "quiero", "vivo", "de", "and", "in", "a", "the", "paying", "from",
        "looking", "interested", "trying", "having", "calling", "writing", "customer", "client", "new", "not",
        "cel", "celular", "telefono", "numero", "whats", "whatsapp", "internet", "plan", "paquete", "zona",
        "colonia", "al", "le", "lo", "les", "pero", "porque", "como", "cuando", "donde", "fan", "persona",
        "the", "from", "at", "to", "on", "with", "so", "just", "also", "really", "going", "living", "moving",
        "ok", "hola", "gracias", "buenas", "buenos", "dias", "tardes", "noches", "favor", "please", "thanks", "hi",
        "hello", "oye", "oiga", "oigan", "disculpe", "creo", "pues", "este", "bueno", "eh", "sí", "claro", "va",
        "perfecto", "listo", "mande", "nada", "otro", "otra", "ese", "esa", "ahi", "aqui",
        "calle", "avenida", "av", "maestra", "maestro", "jubilada", "jubilado", "albanil", "doctora", "profesora",
        "ingeniero", "licenciado", "estudiante", "senora", "senor", "joven", "bot", "equipo", "tecnico", "admin",
        "administrador", "gerente", "jefe", "dueno", "amigo", "amiga", "dios", "gracias", "atte", "saludos",
        "jefa", "jefe", "jefita", "jefecita", "abuela", "abuelita", "abuelo", "abuelito", "tia", "tio", "tiita", "hermana",
        "hermano", "cunada", "cunado", "prima", "primo", "nieta", "nieto", "comadre", "compadre", "madrina", "padrino",
        // "soy contador y llevo…": what someone does is not who they are.
        "contador", "contadora", "abogado", "abogada", "arquitecto", "arquitecta", "ingeniera", "licenciada", "doctor",
        "enfermera", "enfermero", "profesor", "secretaria", "chofer", "comerciante", "vendedor", "vendedora", "policia",
        "agricultor", "ganadero", "ranchero", "carpintero", "plomero", "electricista", "mecanico", "costurera",
        "trailero", "trailera", "camionero", "taxista", "pensionado", "pensionada", "herrero", "panadero", "cocinera",
        "cocinero", "mesero", "mesera", "delegada", "delegado", "sindical", "repartidor", "repartidora", "estilista", "tortillera",
        "tortillero", "estudiante", "directora", "director", "gerente", "encargada", "encargado",
    ])

    /// Words around a name given alone ("soy Luis", "me llamo Ana", "es Juan Pérez").
    /// Cities and countries people mention for relatives and past homes (folded).
    static let farPlaces: Set<String> = [
        "monterrey", "guadalajara", "cdmx", "df", "la capital", "puebla", "tijuana", "queretaro", "merida",
        "cancun", "oaxaca", "hermosillo", "chihuahua", "saltillo", "san luis", "san luis potosi", "estados unidos", "usa",
        "eu", "us", "eeuu", "gabacho", "el norte de estados unidos", "texas", "california", "chicago", "los angeles", "houston", "dallas", "phoenix",
        "arizona", "nueva york", "new york", "canada", "espana", "the states", "the us", "el otro lado", "el gabacho",
        "veracruz", "xalapa", "jalapa", "boca del rio", "orizaba", "acapulco", "toluca", "morelia", "culiacan",
        "mazatlan", "zacatecas", "aguascalientes", "torreon", "reynosa", "matamoros", "villahermosa",
        "tampico", "utah", "sinaloa", "sonora", "jalisco", "michoacan", "guanajuato", "nuevo leon",
    ]

    /// Words before a landmark's name: "cerca del Seguro Social", "enfrente de Farmacias Similares".
    static let landmarkLeads: Set<String> = [
        "del", "al", "cerca", "frente", "enfrente", "junto", "esquina", "calle", "avenida", "av", "hospital", "escuela",
        "colegio", "tienda", "farmacia", "farmacias", "mercado", "iglesia", "parque", "clinica", "plaza", "near", "street",
        // ("a un costado de la capilla de San Judas Tadeo": a saint's name is a church's.)
        "san", "santa", "santo", "capilla", "templo", "parroquia",
    ]

    static let saints: Set<String> = ["san", "santa", "santo"]

    static let nameFillers: Set<String> = [
        "soy", "me", "llamo", "mi", "nombre", "es", "a", "de", "hola", "buenas", "ok", "si", "claro", "my", "name",
        "is", "im", "i", "am", "seria", "sería", "pon", "ponlo", "ponle", "registralo", "names", "its", "it", "mio", "completo",
        // ("buenos dias refugio salazar…": a greeting said before the name, each message.)
        "buenos", "dias", "tardes", "noches",
    ]

    static let durations: Set<String> = [
        "rato", "ratito", "horas", "hora", "dias", "dia", "minutos", "minuto", "semana", "semanas", "mes", "meses",
        "un", "una", "unos", "unas", "dos", "tres", "cuatro", "cinco", "varios", "varias", "poco", "mucho",
    ]

    static let durationUnits: Set<String> = [
        "rato", "ratito", "horas", "hora", "dias", "dia", "minutos", "minuto", "semana", "semanas", "mes", "meses",
        "hours", "hour", "days", "day", "weeks", "week", "minutes",
    ]
    static let smallNumbers: Set<String> = ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "varios", "varias", "par", "few", "couple", "a"]

    /// What a failure can date from ("desde la tormenta", "desde el temblor").
    static let eventNouns: Set<String> = [
        "tormenta", "temblor", "lluvia", "aire", "ventarron", "granizada", "apagon", "tormentas", "lluvias", "viento",
        "storm", "rain", "quake", "outage",
    ]

    /// Time words that say when a reported failure began even without "desde".
    static let standaloneTimes: Set<String> = ["anoche", "ayer", "antier", "anteayer", "yesterday", "tonight"]

    /// Words a "since" phrase can start with.
    static let timeHeads: Set<String> = [
        "ayer", "anoche", "antier", "anteayer", "hoy", "hace", "temprano", "ahorita", "mediodia", "esta", "este",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "en", "this", "yesterday",
        "last", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "las", "la",
        "el", "medio", "tonight", "morning", "noon", "the", "como",
    ]

    /// Words a "since" phrase can go on with.
    static let timeWords: Set<String> = [
        "ayer", "anoche", "antier", "anteayer", "hoy", "hace", "temprano", "ahorita", "mediodia", "lunes", "martes",
        "miercoles", "jueves", "viernes", "sabado", "domingo", "en", "la", "el", "las", "los", "de", "del",
        "manana", "tarde", "noche", "madrugada", "semana", "mes", "pasado", "pasada", "dia", "dias", "horas", "hora",
        "minutos", "rato", "ratito", "a", "medio", "fin", "esta", "este", "como", "un", "una", "unos", "dos", "tres",
        "cuatro", "cinco", "varios", "poco", "am", "pm", "this", "morning", "afternoon", "evening", "night",
        "yesterday", "last", "today", "week", "weekend", "hours", "days", "ago", "noon", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "the", "since", "about", "around", "tonight",
        // "desde las seis de la mañana", dictated.
        "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
    ]

    /// Words a "since" phrase does not end with ("desde el lunes el internet…" → "el lunes").
    static let timeTrailers: Set<String> = [
        "en", "la", "el", "las", "los", "de", "del", "a", "como", "un", "una", "esta", "este", "the", "about", "around",
    ]

    /// Words that take back what was just said ("ah, espere, me corrige mi mamá").
    static let weekdays: Set<String> = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// The days a failure can be said to have started on, counting back ("desde el sábado", "since yesterday").
    static let daysBack = weekdays.union(["yesterday", "ayer", "anoche"])

    static let selfCorrections: Set<String> = ["corrige", "corrijo", "espere", "espera", "espereme", "esperame", "perdon", "actually", "wait",
                                               // ("oh no sorry, I meant the 50 one")
                                               "scratch", "meant"]

    static let restartVerbs: Set<String> = [
        "desenchufe", "desenchufamos", "desenchufado", "desenchufar", "desconecto", "tocado", "cycled",
        "reinicie", "reiniciamos", "reiniciado", "reinicio", "reiniciar", "reiniciarlo", "reinicia", "resetee",
        "resete", "reseteamos", "reseteado", "desconecte", "desconectamos", "desconectado", "apague", "apagamos",
        "apagado", "apagamos", "reiniciamos", "movi", "movimos", "apago",
        "restarted", "rebooted", "unplugged", "reset", "restart", "reboot", "reinstale",
        // Only negated: "no le he movido nada" answers the question; "ya le moví" says nothing sure.
        "movido", "touched", "switched", "turned",
        // ("ya le picamos al botoncito de atrás": the modem's button pressed.)
        "picamos", "pique",
    ]

    static let restartVerbIds = WordIdSet(restartVerbs)

    static let restartInfinitives: Set<String> = ["reiniciar", "reiniciarlo", "reinicia", "restart", "reboot", "reinicio",
                                                  "desenchufar", "tocado", "movido", "movi", "movimos", "touched", "switched", "turned"]
    /// "a nombre de mi ama Rosa María": who the name belongs to, before it.
    static let relatives: Set<String> = [
        "mama", "ama", "amá", "mami", "papa", "apa", "papi", "jefa", "jefe", "jefita", "esposa", "esposo", "senora", "marido",
        "hija", "hijo", "abuela", "abuelita", "abuelo", "suegra", "suegro", "tia", "tio", "hermana", "hermano", "mom", "dad",
        "wife", "husband", "mother", "father", "son", "daughter", "comadre", "compadre", "cunada", "cunado", "sobrina",
        "sobrino", "nieta", "nieto", "prima", "primo", "jefita", "jefito", "mamita", "abue",
        // ("Hi, this is his granddaughter Emily, I'm helping grandpa with his phone")
        "granddaughter", "grandson", "grandma", "grandpa", "grandmother", "grandfather", "niece", "nephew", "aunt", "uncle",
        "sister", "brother", "cousin",
        // ("well not me, my roommate diego salas", "a mi carnal, el internet esta a su nombre")
        "roommate", "roomie", "carnal",
    ]

    /// "me equivoqué", "wait, sorry", "desculpa": what was said before is being corrected.
    static let corrections = [" me equivoque", " corrij", " correg", " i meant", " actually", " sorry ", " wait ", " desculpa", " perdon ",
                              " no espera", " no perdon", " me confundi", " got it wrong", " i was wrong", " my bad", " estaba equivocad",
                              " corrigir"]

    static let negations: Set<String> = ["no", "nunca", "ni", "havent", "didnt", "not", "hasnt", "dont", "tampoco", "aint"]

    /// Words allowed between a negation and the verb ("no lo he reiniciado", "no le he dado reset").
    static let restartFillers: Set<String> = [
        "lo", "la", "le", "he", "hemos", "ha", "a", "ya", "el", "modem", "todavia", "aun", "i", "we", "it", "have", "yet",
        "se", "me", "nos", "tampoco", "lo", "e", "hemos", "habia", "haya", "le", "los", "las", "power",
        "han", "hayan", "habian", "habiamos", "hayamos", "sido", "been", "an",
        // ("nobody has unplugged or restarted the modem")
        "has", "had",
    ]
    /// ("no creo ke lo haiga reiniciado": "haya" as it is said in the country; kept out of the spelling vocabulary.)
    static let restartFillersUnspelt: Set<String> = ["haiga", "haigan"]
}
