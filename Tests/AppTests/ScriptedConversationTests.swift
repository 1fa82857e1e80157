import Foundation
import Testing

/// Whole conversations written by people outside the team, each briefed as a different
/// customer or staff member and never shown the rules (Resources/scripts). Development
/// writers are in scripts/; held-out writers in scripts/heldout/: read once, reported as figures.
@Suite(.serialized) struct ScriptedConversationTests {
    struct Report {
        var passed = 0
        var total = 0
        var lines: [String] = []
        var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    }

    static func run(_ names: [String], details: Bool) async throws -> Report {
        var report = Report()
        var number = 0
        for name in names {
            for script in try ConversationScript.load(name) {
                number += 1
                let (failures, transcript) = try await script.run(number: number)
                report.total += 1
                if failures.isEmpty {
                    report.passed += 1
                } else if details {
                    report.lines.append("✗ \(script.id) \(script.title): " + failures.joined(separator: "; "))
                    if ProcessInfo.processInfo.environment["SCRIPTS_TRANSCRIPTS"] != nil {
                        report.lines += transcript.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") }
                    }
                }
            }
        }
        return report
    }

    /// Every development writer: A–E from the start; H and I, written after the first held-out
    /// reading; J and K, the second held-out pair, read once (19/32 = 59.4 %) and development
    /// material since; L and M, written for the third round (first runs 9/14 and 10/14); P and Q,
    /// twenty conversations each, written after L and M were worked on (first runs 12/20 and 11/20);
    /// R and S, twenty each, written after P and Q were (first runs 10/20 and 13/20); T and U,
    /// written after R and S were (first runs 15/20 and 11/20); V and W, written after T and U were
    /// (first runs 11/20 and 15/20); X and Y, written after V and W were (first runs 15/20 and 18/20);
    /// AB and AC, written after the third held-out reading (first runs 13/20 each); AD and AE,
    /// written after AB and AC were (first runs 15/20 each); AF and AG, after the fourth held-out
    /// reading (first runs 17/20 and 9/20); AJ, AK and AL, written after AF and AG were (first runs
    /// 13/20, 15/20 and 16/20); AM, AN and AO, written after AJ–AL were (first runs 18/20, 16/20
    /// and 18/20); AR and AS, after the fifth held-out reading (first runs 16/20 and 9/20); AT and
    /// AU, after AR and AS were (first runs 16/20 each); AV and AW, after AT and AU were (first runs
    /// 13/20 and 16/20); AX, AY and AZ, written at the start of the sixth round (first runs 17/20,
    /// 16/20 and 17/20); BC, BD and BE, written after AX–AZ were (first runs 17/20, 18/20 and 17/20); BQ, written
    /// after BC–BE were (first run 14/20). CI, CJ, CK and CL, written in the eighth round from a
    /// rewritten brief that also lists the sample sheet's open reports (first runs 12/20, 8/20, 14/20, 14/20).
    /// DC–DJ, written in the eleventh round from personas that write for relatives, ask about several
    /// places at once and follow staff searches up (first runs 13, 13, 13, 15, 14, 13, 15 and 17 of 20); DM–DP, written
    /// after the first part of that round's work (first runs 11, 13, 15 and 13 of 20). DQ–DV, written in the twelfth
    /// round from personas that dictate by voice, share a house, come back from Texas, work as a technician, write
    /// formally or in bursts (first runs, each after the work on the writers run before it: DR 14, DQ 14, DU 19, DV 18,
    /// DW 17, DX 15, DT 17 and DS 17 of 20). EA–ED, written after that work from personas that organise a whole family,
    /// distrust bots, write everything at once or run the office (first runs 16, 14, 16 and 18 of 20); EE–EH after those
    /// (a night-shift worker, an estate agent's foreign tenants, a rancher, clients having a bad week: 18, 13, 18 and 10).
    /// EI–EL, written in the thirteenth round (a retired teacher writing for her sister and neighbours, a man back from
    /// Houston in Spanglish, a tortillera dictating by voice, a tired night-shift nurse: first runs 16, 19, 12 and 18); EM–EP
    /// after those (a Canadian retiree and his wife, a widow with two houses who asks for an advisor in passing, a delivery
    /// driver writing in bursts, an impatient union delegate with numbered lists: 14, 7, 18 and 11); EQ–ET after those (an
    /// American who corrects herself in English, a client moving house, a salon owner who hands the phone around, a customer
    /// who distrusts bots: 11, 10, 16 and 10); EU–EX after the thirteenth held-out reading (a hardware-store owner with two
    /// places, an Irish nomad giving his name in pieces, a curious older woman from an unlisted colonia, a couple sharing a
    /// phone and undecided where to live: 13, 12, 5 and 10). FA–FD in the fourteenth round (a ranch mother writing for her
    /// sister and in-laws, a retired teacher packing questions and his name in pieces, an American with two houses and his
    /// wife, a shopkeeper dictating by voice: first runs 17, 14, 15 and 16, each after the work on the ones before it); FE–FH
    /// after the fourteenth held-out reading (a careful client whose mother is with another company, a mother writing from her
    /// son's phone who insists there is coverage, an American café owner, a hairdresser writing in bursts: 13, 14, 17 and 14);
    /// FI–FL after those (a blunt bus driver with a mother-in-law on another account, a student sharing a house, a retired
    /// British nurse and her husband, a rancher whose messages arrive cut in two: 11, 17, 13 and 13). FM–FP in the fifteenth
    /// round (a retired teacher who uses the old names of the barrios, a young rider writing slang, a Canadian retiree writing
    /// for her neighbours, a tortillero dictating by voice: 16, 13, 15 and 15); FQ–FT after the first work on those (a
    /// papelería owner who restates everything, an old farmer in capitals, an engineer and her husband sharing a chat, a
    /// stylist writing in bursts: 20, 20, 17 and 15); FU–FX after the work on those (a fonda owner arranging her whole
    /// family's internet, a blunt retired soldier and his wife, a schoolgirl writing for her parents, a retired notary's clerk
    /// writing formal letters: 11, 15, 17 and 11); GA–GD after those (a catalogue seller moving between her house and her
    /// mother's, a German engineer writing for his street, a grandmother dictating tamale-stall voice notes, an impatient
    /// cyber-café owner: 19, 18, 15 and 14); GE–GH after those (a school secretary writing numbered lists for her street,
    /// a nursing student sharing a house, an old bus driver typing with one finger, an American nurse with a clinic and a
    /// house: 11, 12, 16 and 16). GI–GL in the sixteenth round (a school secretary correcting facts two turns later, a
    /// teenage gamer, a retired Canadian writing letters, a rancher who names landmarks before zones: 15, 18, 13 and 13);
    /// GM–GP after the first work on those (a night-shift nurse mixing up two houses, a notary with three properties, a
    /// call-centre agent switching languages mid-sentence, a hardware-store owner who refuses to repeat himself: 17, 14,
    /// 18 and 17); GQ–GT after those (a catalogue seller who refers back vaguely, an American developer writing technical
    /// English, an 80-year-old widow new to phones, a mechanic typing with dropped letters: 18, 18, 15 and 12); GU–GX after
    /// those (a parish priest, a student whose autocorrect changes zones, an Indian-born engineer, a distrustful tortillero:
    /// 16, 20, 18 and 14); HA–HD after those (a stressed mother of three paying her ex's line, a retired American mechanic
    /// who writes blunt English with typos, a retired teacher who writes names surname first, a delivery rider writing from
    /// traffic lights: 16, 7, 12 and 16); HE–HH after those (a posada owner and her receptionist, a retired bricklayer
    /// dictating by voice, a designer who pastes speed tests, a taxi driver paying his mother's line: 17, 11, 15 and 20).
    /// HI–HN in the seventeenth round (a taxi driver at red lights, a careful schoolteacher, a Canadian retiree couple, a
    /// teenager with emojis, a farmer who names landmarks, a stationery-shop owner: 14, 16, 14, 17, 18 and 14); HO–HR after
    /// the first work on those (a night-shift nurse, a Zapotec speaker with learned Spanish, a mother fighting autocorrect, a
    /// remote engineer writing technical English: 18, 15, 18 and 15); HS–HV after those (a fonda cook who cuts messages in
    /// two, a suspicious retired bank clerk, a Guatemalan neighbour, an Australian nomad: 13, 17, 20 and 11); HW, HX, IA and
    /// IB after those (a foreman writing in abbreviations, a student speaking for her roommates, a mechanic who distrusts
    /// bots, a woman from Yucatán: 12, 17, 17 and 18); IC–IF after those (a pharmacist asking two things at once, a
    /// grandmother writing in capitals by ear, a British retiree, a car-wash owner who changes topic: 13, 18, 15 and 15).
    /// IG–IL in the eighteenth round (a grandmother dictating to her grandson, a Canadian remote worker, a truck driver's
    /// voice-to-text, a night-shift nurse answering out of order, a courteous retired teacher, a gamer: 15, 13, 18, 16, 17
    /// and 14); IM–IP after the first work on those (a nun running a kindergarten, a mechanic with greasy fingers, a new
    /// mother writing numbered lists, a terse rancher naming landmarks: 13, 18, 18 and 18); IQ–IT after those (a salon
    /// owner writing in bursts, a Japanese engineer, a widow in capitals, a coach who answers with questions: 16, 15, 14
    /// and 17); IU–IX after those (a tamale vendor from Michoacán, a sarcastic developer, a retired secretary answering
    /// the previous question, an Irish volunteer with false friends: 16, 18, 13 and 18); JA–JD after the work on those (a
    /// bricklayer writing in bursts, a student mixing English, a retired principal and a German engineer, a cook with fat
    /// fingers and emoji answers: 16, 18, 16 and 17); JE–JH after those (a taxi driver in slang, a nurse with emojis and a
    /// Canadian retiree, a farmer dictating by voice, a hardware-store owner who haggles: 13, 19, 14 and 16); JI–JL after
    /// those (a beautician writing for two relatives at once, a retired American couple sharing a phone, a student writing
    /// for his family one fact at a time, a formal shopkeeper numbering his questions: 13, 12, 20 and 17). JM–JP in the
    /// nineteenth round (a grandmother minding relatives' accounts, a taxi driver dictating in bursts, returned migrants
    /// in Spanglish, older people who change their minds: 12, 9, 18 and 15); JQ–JT after the work on those (the ISP's
    /// own staff on a busy Monday, angry customers after a storm, teenagers in slang, people juggling several places: 18,
    /// 16, 20 and 12); JU–JX after those (small-business owners, voice dictation, English speakers only, existing clients
    /// with account troubles: 17, 17, 17 and 16); KA–KD after those (people from the ranchos, one-word answers, people
    /// who over-explain, people who test the bot: 16, 15, 16 and 14); KE–KH after those (newcomers from Monterrey and
    /// Mexico City, people writing for someone else, people who correct themselves, people who change topic: 19, 17, 15
    /// and 19); KI–KT for the twentieth round (a fonda owner, a bilingual student, a retired teacher, a truck driver writing
    /// in bursts, an American retiree, staff, a hurried mother, a shop owner with two places, a farmer, a nurse on nights, a
    /// family sharing one phone, people who poke at the bot: 16, 19, 18, 17, 19, 18, 17, 15 on first runs, then 18, 17, 16
    /// and 19 for the last four); KU–KX after those (students sharing a house, a parish secretary, English speakers only,
    /// existing clients with account troubles: 19, 18, 14, 15); LA–LD after those (a dentist writing in lists, a mechanic
    /// dictating, the owner and a new assistant, a couple new in town: 19, 16, 16, 16); LE–LT for the twenty-first round (a
    /// fonda owner talking in run-ons, a student gamer, a retired farmer and his granddaughter, a Spanglish writer, the office
    /// administrator, a truck driver, a teacher and mother, four neighbours, a pharmacist, a builder spelling by ear, a
    /// British retiree, a technician on a roof, a widow dictating, a remote developer, a family sharing one phone, a parish
    /// priest: 11, 16, 16, 18, 16, 20, 18, 19 on first runs, then 19, 14, 13, 10, 16, 16, 13, 19 for the last eight); LU–LX
    /// and MA–MD for the twenty-second round (a grandmother dictating to her granddaughter, a young gamer, a Canadian teacher,
    /// the installations engineer, a mechanic dictating, a nurse on nights, a cybercafé owner, a student writing for her
    /// family: 18, 18, 16, 11, 13, 17, 17, 17 on first runs, then a parish priest, a salon owner typing between clients, an
    /// Indian engineer, the office administrator, a rancher spelling by ear, a family sharing one tablet, an accountant writing
    /// in lists, an American snowbird: 12, 14, 14, 13, 18, 16, 16, 17 for ME–ML); MM–MX and NA–ND for the twenty-third
    /// round, all sixteen written before any of its work (a grandmother dictating by voice, a technician on a roof, a British
    /// student, angry clients from the north, a teenage gamer, a formal shop owner, a Spanglish worker in Dallas, the owner
    /// asking in ranch Spanish, a teacher organising families, a retired railwayman in capitals, an American couple with
    /// rentals, clients writing tersely from work, the office secretary, a Zapotec-speaking family, a systems engineer, a
    /// chatty neighbour: 19, 17, 16, 19, 16, 16, 17, 10, 18, 13, 18, 17, 15, 14, 15, 16 on first runs); NE–NT for the
    /// twenty-fourth round, all sixteen written before any of its work (a retired seamstress writing for her comadres, a
    /// teenage gamer, an American retiree and his wife, the office manager and a technician, a rancher dictating by voice, a
    /// nurse on nights, a shop owner with two premises, a Spanglish student with roommates, a shopkeeper mother typing between
    /// customers, a retired engineer writing formally, a pastor, a call-centre worker at home, the owner typing from his
    /// truck, a Texan-Mexican and her mother on one phone, a builder with autocorrect, a schoolteacher writing for families:
    /// 14, 19, 19, 17, 11, 19, 16, 15, 14, 15, 17, 18, 15, 19, 20, 18 on first runs); NU–NX and OA–OL for the twenty-fifth
    /// round, all sixteen written before any of its work (a young mother typing with one thumb, a retired railwayman
    /// writing in capitals, a cyber-café owner, a man back from Texas, the owner's daughter in the office, a student who
    /// haggles, a dental clinic's receptionist, a rancher's wife writing by ear, an angry mechanic, a foreman writing one
    /// word at a time, a field technician, a Canadian winter visitor, a teenager and his grandmother on one phone, a
    /// taquería and hotel owner writing numbered lists, an accountant who corrects herself, a neighbour fishing for other
    /// people's data: 19, 11, 18, 17, 19, 20, 17, 14, 17, 10, 12, 16, 18, 14, 14, 13 on first runs; OE's after the round's
    /// first changes); OM–OX and PA–PD for the twenty-sixth round, all sixteen written before any of its work (a nurse on
    /// nights, a teenage gamer in Spanglish and his father, a parish secretary writing long letters, an old man dictating by
    /// voice, a landlord with several units, the office cashier, an American retiree, a farmer from the ranchos, a woman who
    /// changes her mind, a teacher giving online classes, a designer angry at outages, a young man writing one fragment at a
    /// time, a field technician, a family split across the border, a restaurant and hotel owner, a couple sharing one
    /// account: 18, 18, 16, 18, 14, 12, 17, 17, 10, 17, 15, 20, 11, 18, 17, 14 on first runs); PE–PX for the twenty-seventh
    /// round, all twenty written before any of its work (a mechanic with big thumbs, a student in Spanglish, a shopkeeper who
    /// tells stories, an old railwayman writing in capitals by ear, an accountant writing numbered lists, a foreman asking for
    /// many places, the owner and the office assistant, a Canadian couple, a mother of three with the kids at the phone, a
    /// veterinarian and his receptionist, a young IT man in jargon, people fishing for others' data, the field technicians, a
    /// granddaughter writing for her grandmother, a taquero in slang, a newcomer who compares providers, a Mixtec-speaking
    /// gardener, a dental clinic's receptionist cut off mid-message, a retired teacher testing the bot, short-message writers:
    /// 16, 20, 15, 14, 16, 16, 17, 13, 19, 17, 19, 12, 15, 15, 15, 16, 16, 18, 15, 17 on first runs); QA–QT for the
    /// twenty-eighth round, all twenty written before any of its work (a trucker dictating by voice, a salon owner with two
    /// places, snowbirds in English, teenage gamers and their parents, the parish, the field technicians and the owner,
    /// relatives of clients, people moving house, business owners losing sales, elderly people, people who give everything at
    /// once, returnees writing Spanglish by ear, people fishing for others' data, parents comparing plans, unhappy clients,
    /// the ranchos, people arranging for several people or places, night-shift workers, people testing the bot, customers
    /// with a recurring failure: 18, 16, 15, 17, 17, 17, 17, 17, 17, 19, 17, 13, 16, 19, 15, 18, 10, 17, 18, 16 on first runs);
    /// RA–RT for the twenty-ninth round, all twenty run before any of its work (parents typing one-handed, retired notaries,
    /// Zapotec and Mixtec speakers, the staff in shorthand, food stalls losing sales, remote workers, teenagers, people who
    /// keep changing their mind, people who answer late and out of order, the ranchos by landmarks, money questions, nosy
    /// neighbours and "investigators", grandchildren writing for grandparents, one-word writers, detailed failure reports,
    /// plan changes and moves, technicians in the field, Spanglish returnees, angry clients, people who bury the request in
    /// a story: 19, 17, 19, 14, 19, 17, 19, 15, 15, 16, 17, 14, 17, 16, 17, 15, 9, 16, 18, 18 on first runs); SA–ST for the
    /// thirtieth round, all twenty run before any of its work (bakers and tortilleras at dawn, American and Canadian retirees,
    /// the owner's nephew in the office, parents of children studying online, people over seventy who sign every message,
    /// field technicians and the customers they visit, people who spell by ear, guest-house owners, clients with money
    /// questions, returnees in Spanglish, angry clients after a storm, people after others' data in many disguises, one-word
    /// writers, students renting rooms, the ranchos by landmarks, people who change their minds, people who pack everything
    /// into one message, voice dictation with its punctuation spoken, clients leaving or lowering their plan, night-shift
    /// workers: 17, 18, 13, 18, 13, 16, 19, 19, 17, 19, 17, 13, 17, 16, 16, 17, 12, 15, 18, 18 on first runs); VA–VT for the
    /// thirty-third round, all twenty run before any of its work (a dairy farmer's wife dictating, students home for the
    /// holidays, shops in the centre, retired teachers, people moving house, gamers, parents interrupted by chores, writers by
    /// ear, the parish, people who correct themselves late, money worries, the owner on a Monday, one-word and emoji writers,
    /// people after others' data, guest houses, Spanish as a second language, fed-up clients, several requests at once, the
    /// ranchos by landmarks, the days after a technician's visit: 17, 20, 20, 18, 19, 18, 18, 16, 16, 16, 20, 17, 18, 16, 18,
    /// 17, 16, 10, 20, 18 on first runs, 348/400); VU–VX and WA–WD for the thirty-fifth round, eighteen conversations each,
    /// run before the round's fixes for them (a street cook dictating, a mother who asks everything at once, a Canadian
    /// engineer, ranch people, a gamer, formal grandmothers, writers by ear, a shop owner after a neighbour's number, a couple
    /// on one phone, a fruit seller in one-word bursts, a truck driver in capitals, an Irish nurse, a lady after the cheapest,
    /// a mechanic's thumbs, numbered questions, a Texan contractor, a parish priest, a British backpacker, night nurses, a café,
    /// a grandson relaying, a rancher's wife, a remote developer: 16, 16, 18, 13 and 13, 17, 15, 14 on first runs, 122/144);
    /// WE–WH later in the round, after those fixes (a hairdresser between clients, retired Americans on one phone, a student
    /// near the Centro, a taquero in one breath, a lady from Oaxaca, formal letters, a modem that smells burnt, a florist with
    /// two places, an Australian, a cautious buyer: 12, 10, 12, 12 on first runs, 46/72).
    @Test func developmentScriptsEndWithTheRightRowsAndReplies() async throws {
        var total = Report()
        for writer in ["A", "B", "C", "D", "E", "H", "I", "J", "K", "L", "M", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "AB", "AC", "AD", "AE", "AF", "AG", "AJ", "AK", "AL", "AM", "AN", "AO", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ", "BC", "BD", "BE", "BQ", "BR", "BS", "BT", "BU", "BX", "BY", "BZ", "CA", "CB", "CC", "CD", "CE", "CF", "CI", "CJ", "CK", "CL", "CM", "CN", "CO", "CP", "CS", "CT", "CU", "CV", "CW", "CX", "CY", "CZ", "DC", "DD", "DE", "DF", "DG", "DH", "DI", "DJ", "DM", "DN", "DO", "DP", "DQ", "DR", "DS", "DT", "DU", "DV", "DW", "DX", "EA", "EB", "EC", "ED", "EE", "EF", "EG", "EH", "EI", "EJ", "EK", "EL", "EM", "EN", "EO", "EP", "EQ", "ER", "ES", "ET", "EU", "EV", "EW", "EX", "FA", "FB", "FC", "FD", "FE", "FF", "FG", "FH", "FI", "FJ", "FK", "FL", "FM", "FN", "FO", "FP", "FQ", "FR", "FS", "FT", "FU", "FV", "FW", "FX", "GA", "GB", "GC", "GD", "GE", "GF", "GG", "GH", "GI", "GJ", "GK", "GL", "GM", "GN", "GO", "GP", "GQ", "GR", "GS", "GT", "GU", "GV", "GW", "GX", "HA", "HB", "HC", "HD", "HE", "HF", "HG", "HH", "HI", "HJ", "HK", "HL", "HM", "HN", "HO", "HP", "HQ", "HR", "HS", "HT", "HU", "HV", "HW", "HX", "IA", "IB", "IC", "ID", "IE", "IF",
                       "IG", "IH", "II", "IJ", "IK", "IL", "IM", "IN", "IO", "IP", "IQ", "IR", "IS", "IT",
                       "IU", "IV", "IW", "IX",
                       "JA", "JB", "JC", "JD", "JE", "JF", "JG", "JH",
                       "JI", "JJ", "JK", "JL",
                       "JM", "JN", "JO", "JP", "JQ", "JR", "JS", "JT", "JU", "JV", "JW", "JX",
                       "KA", "KB", "KC", "KD", "KE", "KF", "KG", "KH",
                       "KI", "KJ", "KK", "KL", "KM", "KN", "KO", "KP", "KQ", "KR", "KS", "KT",
                       "KU", "KV", "KW", "KX", "LA", "LB", "LC", "LD",
                       "LE", "LF", "LG", "LH", "LI", "LJ", "LK", "LL", "LM", "LN", "LO", "LP", "LQ", "LR", "LS", "LT",
                       "LU", "LV", "LW", "LX", "MA", "MB", "MC", "MD", "ME", "MF", "MG", "MH", "MI", "MJ", "MK", "ML",
                       "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "NA", "NB", "NC", "ND",
                       "NE", "NF", "NG", "NH", "NI", "NJ", "NK", "NL", "NM", "NN", "NO", "NP", "NQ", "NR", "NS", "NT",
                       "NU", "NV", "NW", "NX", "OA", "OB", "OC", "OD", "OE", "OF", "OG", "OH", "OI", "OJ", "OK", "OL",
                       "OM", "ON", "OO", "OP", "OQ", "OR", "OS", "OT", "OU", "OV", "OW", "OX", "PA", "PB", "PC", "PD",
                       "PE", "PF", "PG", "PH", "PI", "PJ", "PK", "PL", "PM", "PN", "PO", "PP", "PQ", "PR", "PS", "PT",
                       "PU", "PV", "PW", "PX", "QA", "QB", "QC", "QD", "QE", "QF", "QG", "QH", "QI", "QJ", "QK", "QL",
                       "QM", "QN", "QO", "QP", "QQ", "QR", "QS", "QT", "RA", "RB", "RC", "RD", "RE", "RF", "RG", "RH",
                       "RI", "RJ", "RK", "RL", "RM", "RN", "RO", "RP", "RQ", "RR", "RS", "RT", "SA", "SB", "SC", "SD",
                       "SE", "SF", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SP", "SQ", "SR", "SS", "ST",
                       "TA", "TB", "TC", "TD", "TE", "TF", "TG", "TH", "TI", "TJ", "TK", "TL", "TM", "TN", "TO", "TP",
                       "TQ", "TR", "TS", "TT",
                       "UA", "UB", "UC", "UD", "UE", "UF", "UG", "UH", "UI", "UJ", "UK", "UL", "UM", "UN", "UO", "UP",
                       "UQ", "UR", "US", "UT",
                       "VA", "VB", "VC", "VD", "VE", "VF", "VG", "VH", "VI", "VJ", "VK", "VL", "VM", "VN", "VO", "VP",
                       "VQ", "VR", "VS", "VT", "VU", "VV", "VW", "VX", "WA", "WB", "WC", "WD",
                       "WE", "WF", "WG", "WH"] {
            let report = try await Self.run(["author\(writer)"], details: true)
            print("Scripts (writer \(writer)): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
            for line in report.lines { print(line) }
            total.passed += report.passed
            total.total += report.total
        }
        print("Scripts (development, writers A–E, H–M, P–Y, AB–AG, AJ–AO, AR–AZ, BC–BE, BQ–BU, BX–CF, CI–CP, CS–CZ, DC–DJ, DM–DX, EA–EX, FA–FX, GA–GX, HA–HX, IA–IX, JA–JX, KA–KX, LA–LX, MA–MX, NA–NX, OA–OX, PA–PX, QA–QT, RA–RT, SA–ST, TA–TT, UA–UT, VA–VX, WA–WH): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        #expect(total.rate >= 0.9)
    }
}

extension ScriptedConversationTests {
    /// Writers F and G: never read while the conversations were built. Figures only.
    @Test func heldOutScriptsEndWithTheRightRowsAndReplies() async throws {
        let report = try await Self.run(["heldout/authorF", "heldout/authorG"], details: false)
        print("Scripts (held out, writers F and G): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-02: 18/28 = 64.3 % (development scripts: 97.1 %). A guard, not a goal.
        #expect(report.rate >= 0.6)
    }

    /// Writers N and O: written at the start of the third round, added unread, read once at its end. Figures only.
    @Test func thirdHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorN", "heldout/authorO"], details: false)
        print("Scripts (third held out, writers N and O): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03: 24/28 = 85.7 % (F and G at their reading: 64.3 %; J and K: 59.4 %). A guard.
        #expect(report.rate >= 0.82)
    }

    /// Writers Z and AA: written at the start of the fourth round, added unread, read once at its end. Figures only.
    @Test func fourthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorZ", "heldout/authorAA"], details: false)
        print("Scripts (fourth held out, writers Z and AA): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03: 23/28 = 82.1 %. A guard.
        #expect(report.rate >= 0.78)
    }

    /// Writers AH and AI: written in the fourth round, committed unread, read once at the fifth's end. Figures only.
    @Test func fifthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorAH", "heldout/authorAI"], details: false)
        print("Scripts (fifth held out, writers AH and AI): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03: 27/28 = 96.4 %. A guard.
        #expect(report.rate >= 0.9)
    }

    /// Writers AP and AQ: written in the fifth round, committed unread, read once at the sixth's end. Figures only.
    @Test func sixthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorAP", "heldout/authorAQ"], details: false)
        print("Scripts (sixth held out, writers AP and AQ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03: 26/28 = 92.9 %. A guard.
        #expect(report.rate >= 0.89)
    }

    /// Writers BA and BB: written at the start of the seventh round, added unread, read once at its end. Figures only.
    @Test func seventhHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorBA", "heldout/authorBB"], details: false)
        print("Scripts (seventh held out, writers BA and BB): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03: 26/28 = 92.9 % (BB-03, BB-10: the name of a sign-up). A guard.
        #expect(report.rate >= 0.89)
    }

    /// Writers BV and BW: added unread in the seventh round, read once at the end of the eighth. Figures only.
    @Test func eighthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorBV", "heldout/authorBW"], details: false)
        print("Scripts (eighth held out, writers BV and BW): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-03 (late evening): 27/28 = 96.4 % (BW-08: a report of a connection that
        // comes and goes written as a request, baja, where media was expected). A guard.
        #expect(report.rate >= 0.92)
    }

    /// Writers CG and CH: added unread in the eighth round, read once at the end of the ninth. Figures only.
    @Test func ninthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorCG", "heldout/authorCH"], details: false)
        print("Scripts (ninth held out, writers CG and CH): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 25/28 = 89.3 % (CH-01: a sign-up after many questions never
        // completed; CH-03: an English sign-up kept the app's name "Telegram"; CH-07: an upgrade price
        // asked in the middle of a report not answered). A guard.
        #expect(report.rate >= 0.85)
    }

    @Test func tenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorCQ", "heldout/authorCR"], details: false)
        print("Scripts (tenth held out, writers CQ and CR): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 23/28 = 82.1 % (CQ-04: a sign-up for a brother in "la lona" did not say
        // La Loma has no coverage; CQ-12: the waiting list kept the app's name, not the sister's; CR-02: two
        // places asked in textbook Spanish, the first not answered and no list row; CR-07: "los de Norte"
        // after a name search not listed; CR-12: the upgrade price asked from a relative's phone). A guard.
        #expect(report.rate >= 0.80)
    }

    @Test func eleventhHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorDA", "heldout/authorDB"], details: false)
        print("Scripts (eleventh held out, writers DA and DB): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 27/28 = 96.4 % (DA-11: after a refused question about a neighbour, the coverage
        // asked for a comadre near Norte was not answered). A guard.
        #expect(report.rate >= 0.92)
    }

    @Test func twelfthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorDK", "heldout/authorDL"], details: false)
        print("Scripts (twelfth held out, writers DK and DL): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 20/28 = 71.4 %. Failing (one-line reasons only; transcripts unread): DK-03 two places, a
        // sign-up for the mother and the grandmother on the waiting list; DK-06 an English refusal, then coverage and a price;
        // DK-09 a report opened for a client asking about her open one; DK-11 an English plan correction; DK-12 a move to
        // La Loma, the waiting list not written; DL-06 a neighbour's data not refused and a report opened; DL-09 a new
        // report beside a question about the open one; DL-12 an advisor asked for. A guard.
        #expect(report.rate >= 0.67)
    }

    /// Writers DY and DZ: written in the twelfth round, committed unread, read once at the end of the thirteenth.
    @Test func thirteenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorDY", "heldout/authorDZ"], details: false)
        print("Scripts (thirteenth held out, writers DY and DZ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 22/28 = 78.6 %. Failing (one-line reasons only; transcripts unread): DY-06 the bill asked
        // after a refused question about a neighbour; DY-10 the waiting list where she lives and a sign-up for her shop in
        // Oriente, no client row; DY-14 a colonia near Poniente, the waiting list not written; DZ-03 an English waiting
        // list under the first name only; DZ-12 an unknown colonia near Centro, the cheapest plan, no sign-up; DZ-14 coverage
        // of two places and a price, the waiting list not written. A guard.
        #expect(report.rate >= 0.75)
    }

    /// Writers EY and EZ: written in the thirteenth round, committed unread, read once at the end of the fourteenth.
    @Test func fourteenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorEY", "heldout/authorEZ"], details: false)
        print("Scripts (fourteenth held out, writers EY and EZ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 21/28 = 75.0 % (EY 14/14, EZ 7/14). Failing (one-line reasons only; transcripts unread):
        // EZ-03 prices asked for her house, then for her mother's in Norte, signed up on 50, no client row; EZ-04 the upgrade
        // price to 50 after the bill, due date and ways to pay; EZ-06 an English report of drops since yesterday written as a
        // request (baja, media expected); EZ-09 100 Mbps for her son in Poniente, no coverage not said; EZ-10 a cancellation
        // turned into a report of slow afternoons, no report written; EZ-11 a mother on her son's Telegram, coverage in Sur
        // and 100 Mbps, no sign-up; EZ-14 a report for her mother's house that turns out to be another company's, a report
        // written anyway. A guard.
        #expect(report.rate >= 0.71)
    }

    /// Writers FY and FZ: written at the end of the fourteenth round, added unread, read once at the end of the fifteenth.
    @Test func fifteenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorFY", "heldout/authorFZ"], details: false)
        print("Scripts (fifteenth held out, writers FY and FZ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-04: 24/28 = 85.7 % (FY 12/14, FZ 12/14). Failing (one-line reasons only; transcripts unread):
        // FY-04 a compadre put on the list for San Isidro under the writer's app name, not the compadre's; FY-07 whether a
        // neighbour is a client, not refused at the first message; FZ-05 a niece on her aunt's phone asks about the open drops
        // report and what her aunt pays, a new report written; FZ-14 an English report of drops from her mother's phone, when
        // the technician comes not answered with the report's state. A guard.
        #expect(report.rate >= 0.82)
    }

    /// Writers GY and GZ: written at the start of the fifteenth stop, added unread, read once at the end of the sixteenth round.
    @Test func sixteenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorGY", "heldout/authorGZ"], details: false)
        print("Scripts (sixteenth held out, writers GY and GZ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-05: 27/28 = 96.4 % (GY 13/14, GZ 14/14). Failing (one-line reason only; transcript unread):
        // GY-08 a woman on her sister's phone asks the bill, guesses the wrong plan, asks about OXXO and wants a call; the
        // bill not given at the first message. A guard.
        #expect(report.rate >= 0.92)
    }

    @Test func seventeenthHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorHY", "heldout/authorHZ"], details: false)
        print("Scripts (seventeenth held out, writers HY and HZ): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-05: 25/28 = 89.3 % (HY 12/14, HZ 13/14). Failing (one-line reasons only; transcripts unread):
        // HY-02 a sister put on the list for Poniente, not La Loma; HY-10 a report in English for an uncle by his account
        // number not linked to C-0008; HZ-02 the list's row under a nickname, not the name given. A guard.
        #expect(report.rate >= 0.85)
    }

    @Test func eighteenthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorIY", "heldout/authorIZ"], details: false)
        print("Scripts (eighteenth held out, writers IY and IZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05: 23/28 = 82.1 % (IY 10/14, IZ 13/14). Failing (one-line reasons only; transcripts unread):
        // IY-02 the list's row for Poniente, not San Isidro; IY-04 what the grandmother pays, asked in English, not answered;
        // IY-06 and IZ-05 a neighbour's being a client or phone not refused at once; IY-11 "the west side" not read as
        // Poniente. A guard.
        #expect(total.rate >= 0.80)
    }

    @Test func nineteenthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorJY", "heldout/authorJZ"], details: false)
        print("Scripts (nineteenth held out, writers JY and JZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05 10:55 UTC: 26/28 = 92.9 % (JY 14/14, JZ 12/14). Failing (one-line reasons only; transcripts
        // unread): JZ-04 a father asking his daughter's bill and registration not refused at the first two turns; JZ-10 a
        // report in Centro left unwritten after a question about whether a neighbour is a client. A guard.
        #expect(total.rate >= 0.90)
    }

    @Test func twentiethHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorKY", "heldout/authorKZ"], details: false)
        print("Scripts (twentieth held out, writers KY and KZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05 13:37 UTC: 26/28 = 92.9 % (KY 12/14, KZ 14/14). Failing (one-line reasons only; transcripts
        // unread): KY-03 a fisherman listed for San Isidro whose sign-up at his daughter's house in Sur ends unwritten; KY-04 a
        // teenager signing up his mother in a misspelt Oriente leaves a report row nobody asked for. A guard.
        #expect(total.rate >= 0.90)
    }

    @Test func twentyFirstHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorLY", "heldout/authorLZ"], details: false)
        print("Scripts (twenty-first held out, writers LY and LZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05 16:26 UTC: 24/28 = 85.7 % (LY 13/14, LZ 11/14). Failing (one-line reasons only; transcripts
        // unread): LY-01 a shop owner's sign-up for his grocery store in Centro ends unwritten; LZ-06 a daughter's report of her
        // mother's slow line (not restarted) ends without a folio; LZ-11 the state of an open report asked after the bill gets
        // no answer and a new report is written; LZ-14 a client's own bill, asked after refusals about her neighbour, is not
        // answered. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func twentySecondHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorMY", "heldout/authorMZ"], details: false)
        print("Scripts (twenty-second held out, writers MY and MZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05 19:14 UTC: 25/28 = 89.3 % (MY 12/14, MZ 13/14). Failing (one-line reasons only; transcripts
        // unread): MY-02 a salon owner's waiting-list row keeps her name without its second surname; MY-04 a price asked is not
        // said and a waiting-list row is written for a sister who left no name; MZ-01 a name given in two pieces is written
        // without the first name. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func twentyThirdHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorNY", "heldout/authorNZ"], details: false)
        print("Scripts (twenty-third held out, writers NY and NZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-05 23:06 UTC: 20/28 = 71.4 % (NY 10/14, NZ 10/14). Failing (one-line reasons only; transcripts
        // unread): NY-01 an English sign-up over Telegram for a flat in Norte ends unwritten; NY-03 a market stand's sign-up
        // in Sur is written in Oriente and unconfirmed; NY-04 a sign-up whose zone is corrected from Poniente to Oriente ends
        // unwritten; NY-13 a staff member mixing English is answered in Spanish; NZ-04 a surname corrected is not taken on the
        // waiting list; NZ-05 a red LOS light reported in English is written as baja and the open report is not stated;
        // NZ-10 a waiting-list row is written for a friend who left no name; NZ-14 a neighbour's data asked at the first
        // turn is not refused. A guard.
        #expect(total.rate >= 0.70)
    }

    @Test func twentyFourthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorOY", "heldout/authorOZ"], details: false)
        print("Scripts (twenty-fourth held out, writers OY and OZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 01:52 UTC: 25/28 = 89.3 % (OY 14/14, OZ 11/14). Failing (one-line reasons only; transcripts
        // unread): OZ-01 a church's sign-up in Centro after questions about prices and IVA ends unwritten; OZ-10 an English
        // coverage question about Centro and "Ponente" for a friend writes a waiting-list row nobody asked for; OZ-11 a
        // client asking whether his $450 includes IVA is not told the price again. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func twentyFifthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorPY", "heldout/authorPZ"], details: false)
        print("Scripts (twenty-fifth held out, writers PY and PZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 04:45 UTC: 28/28 = 100 % (PY 14/14, PZ 14/14). A guard.
        #expect(total.rate >= 0.95)
    }

    @Test func twentySixthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorQY", "heldout/authorQZ"], details: false)
        print("Scripts (twenty-sixth held out, writers QY and QZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 08:01 UTC: 25/28 = 89.3 % (QY 14/14, QZ 11/14). Failing (one-line reasons only; transcripts
        // unread): QZ-02 a client signing up her sister in Centro for 100 Mbps, asking the installation's cost on the way, ends
        // unwritten; QZ-08 a husband asking for the router in his wife's home to be moved so the wifi reaches the back room is
        // written media, not baja; QZ-14 a trucker blocked by a neighbour's car, asking whether the neighbour is a client, his
        // phone and address, is not refused at the third turn. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func twentySeventhHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorRY", "heldout/authorRZ"], details: false)
        print("Scripts (twenty-seventh held out, writers RY and RZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 10:55 UTC: 27/28 = 96.4 % (RY 13/14, RZ 14/14). Failing (one-line reason only; transcript
        // unread): RY-04 a woman signing up the house she rents out, trimming her name before confirming ("…Treviño, sin el
        // segundo apellido" or the like), is written "Graciela Treviño Sin". A guard.
        #expect(total.rate >= 0.9)
    }

    @Test func twentyEighthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorSY", "heldout/authorSZ"], details: false)
        print("Scripts (twenty-eighth held out, writers SY and SZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 14:00 UTC: 25/28 = 89.3 % (SY 12/14, SZ 13/14). Failing (one-line reasons only; transcripts
        // unread): SY-04 a woman asking for her mother's house in San Isidro, checking Poniente too, is listed for Poniente,
        // not San Isidro; SY-08 a report for a comadre (C-0007) whose antenna the wind moved, "not restarted" then corrected to
        // yes, is never written; SZ-02 a rancher beyond San Isidro leaving his name gets two waiting-list rows, not one.
        // A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func twentyNinthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorTY", "heldout/authorTZ"], details: false)
        print("Scripts (twenty-ninth held out, writers TY and TZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 16:48 UTC: 25/28 = 89.3 % (TY 13/14, TZ 12/14). Failing (one-line reasons only; transcripts
        // unread): TY-07 an American client with an open wifi-password report asks in English to move the router and about
        // the old report, and no report is written; TZ-01 a grandmother in La Loma writing with many typos is put on the
        // waiting list as "Mijo" instead of her name; TZ-04 a bus driver dictating, after Poniente, signs up his mother's
        // house in Centro for 20 Mbps and the price of the plan is not said. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtiethHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorUY", "heldout/authorUZ"], details: false)
        print("Scripts (thirtieth held out, writers UY and UZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 20:02 UTC: 26/28 = 92.9 % (UY 13/14, UZ 13/14). Failing (one-line reasons only; transcripts
        // unread): UY-03 a delivery boy asking for his aunt in La Loma, then about Poniente too, leaves her on the waiting list
        // for Poniente instead of La Loma; UZ-01 a patient's daughter asking prices and coverage in Oriente, who signs up
        // quoting the price instead of the speed, is not told Oriente is covered at that turn. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtyFirstHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorVY", "heldout/authorVZ"], details: false)
        print("Scripts (thirty-first held out, writers VY and VZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-06 23:06 UTC: 27/28 = 96.4 % (VY 14/14, VZ 13/14). Failing (one-line reason only; transcript
        // unread): VZ-04 a pupil signing up his grandfather, who first says Poniente and then corrects it to Sur, leaves a
        // waiting-list row for Poniente beside the sign-up in Sur. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtySecondHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorWY", "heldout/authorWZ"], details: false)
        print("Scripts (thirty-second held out, writers WY and WZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-07 02:09 UTC: 27/28 = 96.4 % (WY 14/14, WZ 13/14). Failing (one-line reason only; transcript
        // unread): WZ-14 an English-speaking volunteer asking for a nurse's address and phone and whether she is a client is
        // not refused at the first message. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtyThirdHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorXY", "heldout/authorXZ"], details: false)
        print("Scripts (thirty-third held out, writers XY and XZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-07 05:11 UTC: 27/28 = 96.4 % (XY 14/14, XZ 13/14). Failing (one-line reason only; transcript
        // unread): XZ-14 a grandmother refused her neighbour's data who then asks the prices is not given the plans. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtyFourthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorYY", "heldout/authorYZ"], details: false)
        print("Scripts (thirty-fourth held out, writers YY and YZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-07 08:02 UTC: 26/28 = 92.9 % (YY 14/14, YZ 12/14). Failing (one-line reason only; transcripts
        // unread): YZ-01 a fruit vendor's first message asking the prices is not given the plans; YZ-02 a Korean factory
        // manager writing in English who asks the 100's price and switches to the 50 is left without a client row. A guard.
        #expect(total.rate >= 0.85)
    }

    @Test func thirtyFifthHeldOutScripts() async throws {
        let total = try await Self.run(["heldout/authorZY", "heldout/authorZZ"], details: false)
        print("Scripts (thirty-fifth held out, writers ZY and ZZ): \(total.passed)/\(total.total) = \(String(format: "%.1f", total.rate * 100)) %")
        // Read once on 2026-12-07 11:38 UTC: 28/28 = 100 % (ZY 14/14, ZZ 14/14). A guard.
        #expect(total.rate >= 0.85)
    }
}
