import Foundation
import BackOffice
import Testing
@testable import AgentCore

@Suite struct HeaderMapTests {
    @Test func findsColumnsWhateverTheirOrderCaseAndAccents() throws {
        let header = ["notas", "Extra de staff", "ESTADO", "zona", "plan (mbps)", "Chat id", "canal", "telefono", "NOMBRE", "id"]
        let map = try HeaderMap(tab: .clients, header: header)
        let row = ["vip", "x", "activo", "Norte", "50", "123", "Telegram", "4441234567", "Ana", "C-0001"]
        #expect(map.value(Col.Client.name, in: row) == "Ana")
        #expect(map.value(Col.Client.plan, in: row) == "50")
        #expect(map.value(Col.Client.status, in: row) == "activo")
        let written = map.row(from: RowValues(key: "C-0002", cells: ["ID": "C-0002", "Nombre": "Luis", "Zona": "Sur"]))
        #expect(written == ["", "", "", "Sur", "", "", "", "", "Luis", "C-0002"], "sheet order, unknown columns left empty")
    }

    @Test func aMissingRequiredColumnIsOneClearError() {
        #expect(throws: HeaderMap.Problem.missingColumn(tab: "Incidentes", column: "Prioridad")) {
            try HeaderMap(tab: .incidents, header: ["Folio", "Fecha", "Canal", "Chat ID", "Zona", "Descripción", "Estado"])
        }
        let problem = HeaderMap.Problem.missingColumn(tab: "Incidentes", column: "Prioridad")
        #expect(problem.description.contains("Incidentes") && problem.description.contains("Prioridad"))
    }

    @Test func shortRowsReadAsEmptyCells() throws {
        let map = try HeaderMap(tab: .clients, header: Tab.clients.header)
        #expect(map.value(Col.Client.notes, in: ["C-0001", "Ana"]) == "")
    }
}

@Suite struct CellTextTests {
    @Test(arguments: ["=1+1", "+52 55", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
    func formulaStartsAreNeutralised(_ text: String) {
        #expect(CellText.inert(text) == "'" + text)
    }

    @Test func controlCharactersBecomeSpacesAndLongTextIsCut() {
        #expect(CellText.inert("hola\u{0}\n\tmundo\u{1B}") == "hola mundo")
        #expect(CellText.inert(String(repeating: "x", count: 2_000)).count == CellText.maxLength)
        #expect(CellText.inert("\t=1") == "'=1", "a formula hidden behind whitespace is still neutralised")
    }
}

@Suite struct PhoneNumberTests {
    @Test func mexicanMobilesMatchWithOrWithoutTheOne() {
        #expect(PhoneNumber.matchKey("5215512345678") == "525512345678")
        #expect(PhoneNumber.matchKey("+52 55 1234 5678") == "525512345678")
        #expect(PhoneNumber.matchKey("55-1234-5678") == "525512345678")
        #expect(PhoneNumber.matchKey("12345") == nil)
        #expect(PhoneNumber.national("+52 1 55 1234 5678") == "5512345678")
        #expect(PhoneNumber.display("5214441234567") == "444 123 4567")
        #expect(PhoneNumber.display("5512345678") == "55 1234 5678")
    }
}

@Suite struct IdentityTests {
    @Test func aForeignNumberEndingInTheSameTenDigitsIsAnotherPerson() {
        #expect(PhoneNumber.matchKey("14441234567") != PhoneNumber.matchKey("5214441234567"))
        #expect(PhoneNumber.matchKey("+1 (444) 123-4567") == "14441234567")
        #expect(PhoneNumber.matchKey("524441234567") == PhoneNumber.matchKey("5214441234567"))
    }

    func workbook(_ clients: [[String: String]]) throws -> Workbook {
        var tabs = SampleWorkbook.all
        let map = try HeaderMap(tab: .clients, header: Tab.clients.header)
        tabs[.clients] = TabData(header: Tab.clients.header,
                                 rows: clients.enumerated().map { map.row(from: RowValues(key: "C-\($0.offset)", cells: $0.element)) })
        return Workbook(tabs: tabs)
    }

    @Test func aNumberOnlyIdentifiesWhenSomeoneVouchedForItAndOnlyOnce() throws {
        let staffTyped = ["ID": "C-1", "Nombre": "Ana", "Teléfono": "4441112222", "Canal": "Teléfono", "Estado": "activo", "Zona": "Sur", "Plan (Mbps)": "20"]
        let typedOnTelegram = ["ID": "C-2", "Nombre": "Pedro", "Teléfono": "4443334444", "Canal": "Telegram", "Chat ID": "99",
                               "Estado": "activo", "Zona": "Sur", "Plan (Mbps)": "20", "Notas": "Alta por el bot (Telegram); teléfono sin verificar"]
        let book = try workbook([staffTyped, typedOnTelegram])
        #expect(book.client(chat: ChatRef(.whatsapp, "5214441112222"), verifiedPhone: "5214441112222")?.name == "Ana")
        #expect(book.client(chat: ChatRef(.whatsapp, "5214443334444"), verifiedPhone: "5214443334444") == nil,
                "a number typed into a sign-up claims nobody")
        var twin = staffTyped
        twin["Nombre"] = "Otra Ana"
        let shared = try workbook([staffTyped, twin])
        #expect(shared.client(chat: ChatRef(.whatsapp, "5214441112222"), verifiedPhone: "5214441112222") == nil,
                "a number on two rows identifies nobody")
    }

    @Test func messageIdsInLogsKeepOnlyTheLastDigitsOfAChat() {
        #expect(Text.maskDigits("123456789:42") == "…6789:42")
        #expect(Text.maskDigits("wamid.HBgMNTIxNDQ0MTExMjIzMw") == "wamid.HBgMNTIxNDQ0MTExMjIzMw")
    }
}

@Suite struct PriorityRuleTests {
    @Test(arguments: [
        ("no tengo internet desde ayer", Priority.alta), ("la luz LOS esta roja", .alta), ("no conecta nada", .alta),
        ("se cae a cada rato", .media), ("el internet esta muy lento", .media), ("intermitente todo el dia", .media),
        ("olvide la contraseña del wifi", .baja), ("quiero mover el router a otro cuarto", .baja),
    ])
    func prioritiesFollowTheRule(_ text: String, _ expected: Priority) {
        #expect(PriorityRule.priority(for: text, zoneHasOutage: false) == expected)
    }

    @Test func aZoneOutageMakesAnyReportHigh() {
        #expect(PriorityRule.priority(for: "esta lento", zoneHasOutage: true) == .alta)
    }
}

@Suite struct ReplyShaperTests {
    @Test func longRepliesEndAtASentenceNeverMidWord() {
        let text = "Primera frase corta. Segunda frase un poco más larga que la primera. Tercera frase que no cabe."
        let cut = ReplyShaper.fit(text, maxLength: 70)
        #expect(cut == "Primera frase corta. Segunda frase un poco más larga que la primera.")
        let noSentence = ReplyShaper.fit(String(repeating: "palabra ", count: 30), maxLength: 50)
        #expect(noSentence.count <= 50 && noSentence.hasSuffix("palabra…"))
    }

    @Test func emojisCanBeRemoved() {
        #expect(ReplyShaper.withoutEmojis("¡Hola! 👋 Listo 🎉✅") == "¡Hola! Listo")
        #expect(ReplyShaper.withoutEmojis("Plan 1. #2 *3") == "Plan 1. #2 *3", "digits, # and * are not emojis")
    }
}

@Suite struct ReplyBookTests {
    @Test func aMissingSpanishTextIsReportedByKey() {
        #expect(throws: ReplyBook.Problem.self) { try ReplyBook(parsing: "[es]\ngreeting = hola\n") }
    }

    @Test func englishFallsBackToSpanishAndPlaceholdersAreFilled() throws {
        let all = ReplyKey.allCases.map { "\($0.rawValue) = es \($0.rawValue)" }.joined(separator: "\n")
        let book = try ReplyBook(parsing: "[es]\n\(all)\nfolio_not_found = no encontré {folio}\n[en]\nthanks = you're welcome at {business}\n")
        #expect(book.text(.thanks, .en, ["business": "Red"]) == "you're welcome at Red")
        #expect(book.text(.folioNotFound, .en, ["folio": "F-9"]) == "no encontré F-9")
    }

    @Test func aMisspeltPlaceholderIsALoadErrorNamingItsLine() {
        let all = ReplyKey.allCases.map { "\($0.rawValue) = texto" }.joined(separator: "\n")
        let text = "[es]\n\(all)\n[en]\nfolio_not_found = I could not find {flio}\n"
        let line = 3 + ReplyKey.allCases.count
        #expect(throws: ReplyBook.Problem.unknownPlaceholder(file: "replies.txt", line: line, key: "folio_not_found",
                                                             placeholder: "flio", known: ["business", "folio"])) {
            try ReplyBook(parsing: text, file: "replies.txt")
        }
        let problem = ReplyBook.Problem.unknownPlaceholder(file: "replies.txt", line: line, key: "folio_not_found",
                                                           placeholder: "flio", known: ["business", "folio"])
        #expect(problem.description == "replies.txt:\(line): {flio} is not filled in folio_not_found; it can use {business} {folio}")
    }

    @Test func bracesThatAreNotPlaceholdersStayText() throws {
        #expect(ReplyBook.placeholders(in: "precio {precio} y {  } y {\"a\": 1} y {1x}") == ["precio"])
    }
}

@Suite struct PrivacyGuardTests {
    let workbook = Workbook(tabs: SampleWorkbook.all)

    @Test func anotherClientsNameOrNumberIsALeakTheCallersOwnIsNot() throws {
        let caller = try #require(workbook.clients.first { $0.id == "C-0006" })  // Francisco Javier Pérez
        let other = try #require(workbook.clients.first { $0.id == "C-0030" })
        #expect(PrivacyGuard.leak(in: "Hola Francisco Javier Pérez, tu plan está activo.", workbook: workbook, caller: caller) == nil)
        #expect(PrivacyGuard.leak(in: "Hola Francisco Pérez.", workbook: workbook, caller: nil) == "the name of C-0006")
        #expect(PrivacyGuard.leak(in: "Su vecino es \(other.name).", workbook: workbook, caller: caller) == "the name of C-0030")
        let dashed = other.phone.prefix(3) + " " + other.phone.dropFirst(3).prefix(3) + "-" + other.phone.suffix(4)
        #expect(PrivacyGuard.leak(in: "Llámale al \(dashed)", workbook: workbook, caller: caller) == "a number of C-0030")
        #expect(PrivacyGuard.leak(in: "El plan de 50 Mbps cuesta $450 al mes; tu folio es F-0005.", workbook: workbook, caller: nil) == nil)
        #expect(PrivacyGuard.leak(in: "Tenemos cobertura en Norte y Centro, Rosa.", workbook: workbook, caller: nil) == nil)
    }
}

@Suite struct ByteSearchTests {
    @Test func findsPhrasesAnywhereAndNothingElse() {
        let folded = " no tengo internet desde ayer "
        #expect(folded.contains(" no tengo internet "))
        #expect(folded.contains(" ayer "))
        #expect(!folded.contains(" no hay internet "))
        #expect(!folded.contains(" internet desde ayer y hoy "), "a needle longer than what is left")
        #expect("señal débil".contains("débil") && !"senal".contains("señal"), "accents compared as written")
        #expect("abc".contains("") && !"".contains("a"))
        #expect("aaab".contains("aab"), "a partial match first does not hide the real one")
    }
}

@Suite struct NameCaseTests {
    @Test func namesWithAnApostropheKeepItAndItsCapital() {
        #expect(Text.titleCased("patrick o'brien") == "Patrick O'Brien")
        #expect(Text.titleCased("maría del socorro") == "María del Socorro")
    }
}

@Suite struct FoldTests {
    @Test func foldsToLowercaseUnaccentedWordsWithSingleSpaces() {
        #expect(Text.fold("  Colonia  ORIENTE, cerca del 3er puente!! ") == "colonia oriente cerca del 3er puente")
        #expect(Text.fold("José Ángel Muñoz") == "jose angel munoz")
        #expect(Text.fold("ya folded text") == "ya folded text")
        #expect(Text.fold("") == "" && Text.fold("  ...  ") == "")
        #expect(Text.fold("hola  ") == "hola" && Text.fold(" hola") == "hola")
        #expect(Text.fold("O'Brien-Smith") == "o brien smith")
    }
}

@Suite struct PhraseSetTests {
    @Test func findsAnyPhraseAtAWordStartAndNothingElse() {
        let set = PhraseSet([" no hay internet ", " lent", " wi", " se cae"])
        #expect(set.occurs(in: " desde ayer no hay internet "))
        #expect(set.occurs(in: " esta lentisimo "), "a phrase without a closing space is a word's beginning")
        #expect(set.occurs(in: " el wifi "), "a phrase shorter than the key")
        #expect(set.occurs(in: " se cae a cada rato "))
        #expect(!set.occurs(in: " no hay internet"), "the closing space is part of the phrase")
        #expect(!set.occurs(in: " violento "), "only at a word start")
        #expect(!set.occurs(in: " ") && !PhraseSet([]).occurs(in: " hola "))
    }
}

@Suite struct SpellingTests {
    private let understanding = OfflineUnderstanding()
    private func read(_ text: String) -> String {
        understanding.classify(text, context: UnderstandingContext(zones: ["Centro", "Norte", "Sur", "Oriente", "Poniente", "La Loma"],
                                                                     planSpeeds: [20, 50, 100])).normalized ?? ""
    }

    /// Real words one letter from a keyword used to become it: "caro" a yes, "pagado" a restart.
    @Test(arguments: [
        ("está muy caro", "caro"), ("ya lo tengo pagado", "pagado"), ("tengo una casa que rento", "rento"),
        ("no le mueve a esos aparatos", "esos"), ("que le contrate el internet", "contrate"), ("la gente del barrio", "gente"),
    ])
    func realWordsStayAsTyped(text: String, word: String) {
        #expect(read(text).split(separator: " ").contains(Substring(word)), "\(read(text))")
    }

    @Test func typosStillGetFixedAndAHeldKeyIsUndone() {
        #expect(read("kiero internet en la lomaa") == "quiero internet en la loma")
        #expect(read("oiga necesito inter net") == "oiga necesito internet")
    }
}

@Suite struct ReplyFillTests {
    @Test func placeholdersAreFilledOnceAndAValueIsNeverReadAgain() {
        #expect(ReplyBook.fill("Hola {name}, en {zone} {x} {", ["name": "{zone}", "zone": "Sur"]) == "Hola {zone}, en Sur {x} {")
        #expect(ReplyBook.fill("sin llaves", ["name": "Ana"]) == "sin llaves")
    }
}

@Suite struct MonthTests {
    @Test func theMonthBeforeJanuaryIsLastYearsDecember() {
        let time = LocalTime.mexicoCity
        let january = Date(timeIntervalSince1970: 1_799_150_400)  // 2027-01-05 in Mexico City
        #expect(time.month(january) == "2027-01")
        #expect(time.month(january, offset: -1) == "2026-12")
    }
}
