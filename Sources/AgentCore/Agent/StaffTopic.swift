/// What a staff question is about, in everyday words: "¿cuánto llevamos de lana?", "altas
/// este mes", "¿cuántos prospectos hay?", "reportes de prioridad alta", "los suspendidos".
public enum StaffTopic: String, Sendable, Codable {
    case summary, revenue, incidents, signups, prospects, suspended

    /// "¿y altas nuevas este mes? ¿y prospectos esperando?": each figure asked, in the order asked.
    static func all(_ text: String) -> [StaffTopic] {
        var topics: [StaffTopic] = []
        for part in parts(text) {
            // (The clients' count only when asked outright: "y de paso dime cuántos clientes hay en cada plan".)
            if let topic = of(part), topic != .summary || asksClientCount(part), !topics.contains(topic) { topics.append(topic) }
        }
        return topics
    }

    /// The things asked one after another: "…y prospectos esperando", "how many new signups + ppl on the waiting list",
    /// "altas del mes, prospectos y los clientes del sur".
    static func parts(_ text: String) -> [String] {
        text.split(whereSeparator: { "?¿.;,\n".contains($0) }).flatMap { clause in
            (" " + clause + " ").replacingOccurrences(of: " + ", with: " y ").replacingOccurrences(of: " and ", with: " y ")
                .replacingOccurrences(of: " e ", with: " y ")
                .components(separatedBy: " y ")
        }
    }

    /// The topic words typed from a truck ("incidncias", "prospctos"), read as meant: a letter off, in words long enough
    /// that no other word is a letter away.
    static func respelt(_ folded: String) -> String {
        let words = folded.split(separator: " ").map(String.init)
        guard words.contains(where: { $0.count >= 8 && !topicWords.contains($0) }) else { return folded }
        return " " + words.map { word in
            guard word.count >= 8, !topicWords.contains(word) else { return word }
            return topicWords.first { SpellFixer.boundedDistance(word, $0, limit: 1) <= 1 } ?? word
        }.joined(separator: " ") + " "
    }

    static let topicWords = ["incidencias", "incidentes", "prospectos", "suspendidos", "instalaciones"]

    static func of(_ text: String) -> StaffTopic? {
        let folded = respelt(" " + Text.fold(text) + " ")
        func has(_ words: [String]) -> Bool { words.contains { folded.contains($0) } }
        // "¿altas abiertas cuántas hay?": open reports of priority alta, not sign-ups.
        // ("reportes altas abiertos": reports, of priority alta.)
        if has([" altas abiertas", " alta abiertos", " abiertas de alta", " abiertos de alta", " alta abiertas", " altas abiertos",
                " reportes altas", " reportes de alta", " incidentes altas", " incidentes de alta", " reportes alta "]) { return .incidents }
        // ("cuantos de alta hay ahorita?", "los de alta" after the open reports: reports of that priority; sign-ups are "altas".)
        if has([" cuantos de alta", " cuantos de media", " cuantos de baja", " los de alta", " los de media", " los de baja",
                " las de alta", " las de media"]), !has([" este mes", " del mes", " semana", " dados de alta", " dadas de alta"]) {
            return .incidents
        }
        if has([" lana", " dinero", " ingreso", " factur", " cobramos", " cobrado", " revenue", " money", " ganamos",
                " ganancia", " entro de", " cuanto entro", " cuanto va de", " recaud", " billing total", " income",
                // "¿y la cobranza? ¿cuánto llevamos?", "y eso en pesos?".
                " cobranza", " pesos", " cuanto llevamos", " mensualidades", " se debe recibir", " vamos a recibir", " por cobrar",
                " la cifra", " se cobra al mes", " se cobra en total", " de todos juntos", " cobra al mes de todos",
                // ("how much did we make this month")
                " did we make", " we made", " do we make", " earnings", " earned",
                // ("¿Y cuánto nos entra al mes con todos esos?")
                " nos entra", " cuanto entra", " entra al mes",
                // ("cuanto llevamos cobr este mes", "y cuanto falta x cobrar?", "los de 20 cuanto dejan al mes?")
                " cobr ", " x cobrar", " falta cobrar", " falta por cobrar", " cuanto dejan", " dejan al mes", " cuanto deja ",
                // ("cuanto nos deja el de cien al mes")
                " nos deja ", " nos dejan ", " deja al mes"]) {
            return .revenue
        }
        if has([" prospect", " lista de espera", " lista d espera", " waitlist", " wait list",
                " esperando", " interesados", " waiting", " leads", " apuntados", " no les llega",
                " quieren y no", " sin cobertura", " anotados"]) { return .prospects }
        let signingUp = has([" dieron de alta", " dio de alta", " se dieron", " altas", " nuevos clientes", " clientes nuevos",
                             " clients nuevos", " inscribieron", " se inscribio", " contrataron", " se registraron"])
        // ("el número de clientes por zona para el reporte trimestral": a report staff are writing, not failure reports.)
        let reportsAsked = has([" reportes", " reporte "])
            && !has([" para el reporte", " para un reporte", " pal reporte", " for the report", " for a report", " reporte trimestral",
                     " reporte mensual", " reporte anual", " reporte semanal"])
        // ("Cltes zona Oriente, c/ plan. Prioridad: los pend. de instalación": which clients come first, not reports.)
        let priorityOfReports = has([" prioridad"]) && !has([" cltes", " clientes", " clients", " customers"])
        if !signingUp, reportsAsked || priorityOfReports
            || has([" incidentes", " incidencias", " fallas", " tickets", " incidents", " open issues", " pendientes de atender",
                    " sin resolver", " inc ", " incs ", " abiertos", " urgentes",
                    // ("hay algo en oriente? voy pa alla", from a technician)
                    " hay algo en ", " hay algo pendiente", " algo pendiente en"]) {
            return .incidents
        }
        if has([" alta ", " altas", " nuevos clientes", " clientes nuevos", " clients nuevos",
                " contrataciones", " sign ups", " signups", " inscribieron",
                " se inscribio", " se registraron",
                " new clients", " new customers", " se dieron de alta", " contrataron"]) {
            return .signups
        }
        // "nomás los activos, los suspendidos no me los cuentes": left out, not asked for.
        if has([" suspendid", " morosos", " cortados", " suspended", " no han pagado", " deben "]),
           !has([" no me los cuentes", " no los cuentes", " sin contar", " excepto", " menos los", " not counting", " except "]) {
            return .suspended
        }
        if has([" estadistic", " resumen", " cuantos clientes", " cuantos clts", " cuantos hay", " total de clientes", " stats",
                " statistics", " how many", " numeros ", " cifras"]) { return .summary }
        if has([" clientes", " clts", " cltes", " clients", " customers"]) { return .summary }
        return nil
    }

    /// "¿cuántos clientes hay en cada plan?": the count of clients itself.
    static func asksClientCount(_ text: String) -> Bool {
        let folded = " " + Text.fold(text) + " "
        return [" cuantos clientes", " clientes hay", " cada plan", " por plan", " total de clientes", " how many clients",
                " how many customers",
                // ("¿me da el número de clientes activos y cuántas altas hubo este mes?")
                " numero de clientes", " clientes activos"].contains(where: folded.contains)
    }

    /// "clientes zona Sur": the people, unless a count is asked for.
    static func asksACount(_ text: String) -> Bool {
        let folded = " " + Text.fold(text) + " "
        return [" cuant", " how many", " total", " numero", " estadistic", " resumen", " stats", " cifras", " por plan", " x plan", " by plan",
                " ingreso", " revenue",
                // ("a ver, ¿cómo vamos de clientes?")
                " como vamos", " como andamos", " como estamos de", " how are we doing"].contains(where: folded.contains)
    }

    /// "¿cuál de esos está suspendido?", "los activos del Norte".
    /// The statuses a message names ("suspendidos o dados de baja": both), in the sheet's order.
    static func statusFilter(_ text: String) -> [ClientStatus] {
        let folded = " " + Text.fold(text) + " "
        var named: [ClientStatus] = []
        if folded.contains(" suspendid") || folded.contains(" suspended") || folded.contains(" morosos") { named.append(.suspended) }
        if folded.contains(" pendiente") || folded.contains(" sin instalar") || folded.contains(" pending") { named.append(.pendingInstallation) }
        if folded.contains(" de baja ") || folded.contains(" dados de baja") || folded.contains(" cancelad") { named.append(.cancelled) }
        if named.isEmpty, folded.contains(" activos ") || folded.contains(" activo ") || folded.contains(" active ") { named.append(.active) }
        return named
    }
}
