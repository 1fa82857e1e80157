/// DESIGN.md §6: alta when there is no service at all (or the zone has an outage), media when
/// it is slow, intermittent or drops, baja for the rest (wifi password, moving the router…).
public enum PriorityRule {
    /// Clearly no service at all.
    static let noService = [
        "sin internet", "no tengo internet", "no hay internet", "no tengo servicio", "sin servicio", "no hay servicio",
        "no conecta", "no se conecta", "no me conecta", "no tengo señal", "sin señal", "no hay señal", "nada de internet",
        "se fue el internet", "se fue la señal", "se cayo", "esta caido", "caido", "luz roja", "foco rojo", "led rojo",
        "luz los", "led los", "foco los", "los en rojo", "los rojo", "los esta en rojo", "los prendido", "los encendido",
        "los parpadea", "los parpadeando", "no internet", "internet is down", "internet went out", "internet s out", "internet is out", "went out at",
        "nothing works", "still nothing", "no connection", "no service", "red light", "offline",
        "nada de señal", "no navega", "no puedo navegar", "ni internet",
        // "ya no ai internet": the normaliser reads "ai" as "ahí".
        "no ahi internet", "no ai internet", "no ay internet", "no ahi señal", "no ai señal", "no hay nada de internet",
        "no internet at all", "no wifi at all", "dead", "isn t working at all", "not working at all", "isnt working at all", "foquito rojo", "lucecita roja", "luz roja prendida", "se callo el internet",
        "no tenemos internet", "no tiene internet", "no tienen internet", "no tenemos servicio", "no tenemos señal",
        "nos quedamos sin", "me quede sin", "no prende", "ya no prende", "no enciende", "no da luz", "ni una lucecita",
        "won't turn on", "wont turn on", "doesn't turn on", "doesnt turn on", "no lights", "stopped working altogether",
        "se le fue el internet", "se me fue el internet", "se nos fue el internet", "se les fue el internet",
        "no hay conexion", "sin conexion", "no tengo conexion", "ningun equipo navega", "no navega nada",
        "completely down", "connection is down", "los light", "los is red",
        // ("my internet is totally down, nothing connects at all", "the internet is completely away. The lamp with the name
        // LOS is blinking red")
        "totally down", "nothing connects", "nothing loads at all", "nothing works at all", "nothing connect", "completely away",
        "blinking red", "los is blinking", "lamp is red", "light is red", "no device can connect",
        "can t connect", "cannot connect",
        // ("our internet has gone out completely", "YA DE PLANO NO AGARRA NADA")
        "gone out", "no agarra nada", "de plano no agarra",
        // "ya no me abre nada en el internet", "tiene varias lucecitas y una está roja".
        "no me abre nada", "no abre nada", "no carga nada", "no me carga nada", "no jala nada", "esta roja", "esta en rojo",
        // ("el foquito del modem ta en rojo, el ke dice LOS")
        "ta en rojo", "sta en rojo", "que dice los", "ke dice los",
        "no le conecta", "no les conecta", "no conecta nada",
        // "no tengo el internes no me agarra nada" (dictated).
        "no tengo el internet", "no hay el internet", "no me agarra nada", "no agarra nada", "no agarra el internet",
        // "se corta pero ahora de plano no hay nada": nothing at all, after it came and went.
        "de plano no hay nada", "ya no hay nada", "ahora no hay nada", "no hay nada de nada",
        // "She hasn't had internet since yesterday", "nothing loads".
        "hasn t had internet", "hasnt had internet", "haven t had internet", "havent had internet", "has no internet",
        "have no internet", "no internet since",
        // ("¿Qué falla tiene?" answered in a word: "no hay", "nada", "down".)
        "internet no hay", "internet nada", "internet down", "internet ya no hay",
        // ("cte jose luis martinez de norte no tiene señal", a technician's words)
        "no tiene señal", "no tienen señal", "no levanta el enlace",
        // ("no jalaba el internet y sigue sin jalar")
        "sigue sin jalar", "no jala el internet", "no jalaba el internet",
        // ("ahora ya de plano no hay", "without any internet whatsoever… no page will open", "Hard down. No link… Antenna LED red")
        "de plano no hay", "without any internet", "without internet", "no page will open", "no page opens", "no page loads",
        "hard down", "no link", "led red", "no ip",
        // ("hola nop ahy intrenet", typed half asleep)
        "nop ahy", "no ahy internet", "nop hay internet", "no hay intrenet", "no ahy intrenet",
        // ("My internet has been out since about 7 this morning", "no ay señal de internet en mi casa")
        "has been out", "s been out", "been out since", "has been down", "s been down", "no ay señal",
        // ("SE QUEDO PASMADA LA IMAGEN Y YA NO VOLVIO")
        "y ya no volvio", "y ya no regreso", "y ya no volvio el internet",
    ] + unsafeWords
    /// Equipment that may be burning: urgent, and never to be plugged in again to "try a restart".
    static let unsafeWords = ["huele a quemado", "olor a quemado", "olia a quemado", "echa humo", "echando humo", "saca humo",
                              "sacando humo", "salen chispas", "echa chispas", "smells burnt", "smells like burning", "burning smell",
                              "smoking", "sparks"]
    private static let foldedUnsafe = unsafeWords.map { " " + Text.fold($0) + " " }

    /// "mi modem… huele a quemado 😰 lo desconecto??": equipment that may burn.
    static func equipmentUnsafe(_ text: String) -> Bool {
        let folded = " " + Text.fold(text) + " "
        return foldedUnsafe.contains(where: folded.contains)
    }
    /// Slow, intermittent, drops.
    static let degraded = [
        // ("we pay for 100 megas and we're getting like 8")
        "getting like", "only getting", "getting only",
        "lento", "lenta", "lentisimo", "lentito", "lentita", "lentitud", "intermitente", "intermitencia", "se cae", "se corta", "se desconecta", "se va y",
        // ("desde el lunes esto anda fatal")
        "anda fatal", "esta fatal", "anda pesimo", "anda horrible", "anda de la patada",
        // ("se me va y se me viene el internet")
        "se me va y", "se nos va y",
        "a ratos", "inestable", "falla mucho", "fallando", "se traba", "tarda", "no carga bien", "baja la velocidad",
        "muy mal", "slow", "drops", "keeps dropping", "intermittent", "cuts out", "se pierde", "se va la señal",
        "poca señal", "señal baja", "va de malas", "cada rato", "a cada ratito", "se va",
        "va y viene", "viene y va", "cutting out", "se le va la señal", "se les va la señal", "se me va la señal",
        // ("se me esta cortando el internet a media llamada")
        "esta cortando",
        // ("Dice que se le sigue cayendo el internet", "se me cae a cada rato")
        "cayendo", "se le cae", "se me cae", "se nos cae", "se les cae",
        // ("the internet keeps going out it goes and comes back goes and comes back all day long", dictated)
        "keeps going out", "goes and comes back", "comes back and goes",
        "keeps cutting", "cutting off", "cuts off", "se vuelve a caer", "drops out", "goes out", "on and off", "unstable", "comes and goes", "disconnects",
        "por debajo", "muy baja", "velocidad baja", "baja velocidad", "no me da la velocidad", "no llega la velocidad",
        "lag", "ping alto", "se congela", "freezes", "buffering", "me congelo", "se me congela", "se alenta", "se me alenta", "se alento", "se anda cayendo", "se esta cayendo", "se sigue cayendo",
        "se me cae", "se nos cae", "bajo rendimiento", "latencia alta", "jitter", "perdida de paquetes", "packet loss",
        "cae a la mitad", "cae a la cuarta parte", "de tortuga", "como tortuga", "se le va y", "se les va y", "cada ratito", "no me llegan ni", "no me llega ni", "no llegan ni", "no llega ni",
        // "el inter anda lagueadisimo", "la velocidad ha bajado considerablemente", "se interrumpe cada 20 minutos".
        "laguea", "lagueado", "lagueada", "lagueadisimo", "lagueadisima", "lageado", "lagea", "laggy", "lagging",
        // ("el ping anda en 300 en la noche")
        "ping anda", "el ping esta", "ping altisimo", "ping muy alto", "high ping",
        // ("el internet anda con un ping horrible", "la terminal se esta tardando muchisimo… marca error de conexion")
        "ping", "latencia", "tardando", "se tarda mucho", "se tarda muchisimo", "error de conexion",
        "ha bajado", "bajo mucho", "bajo la velocidad", "bajado la velocidad", "se interrumpe", "se interrumpen",
        "interrupciones", "se restablece", "se reconecta", "cada media hora", "cada 5 minutos", "cada 10 minutos",
        "cada 15 minutos", "cada 20 minutos", "cada 30 minutos", "cutting", "se esta cortando", "cortandose", "se anda cortando",
        // ("y aparte ahora se me anda cortando el internet en las tardes")
        "anda cortando",
        // "muy despacito, el video se queda dando vueltas", "el speedtest me da 7.8 de bajada".
        "despacito", "despacio", "dando vueltas", "se queda cargando", "carga lento", "speedtest", "speed test", "de bajada",
        "solo me da", "nomas me da", "solo llegan", "nomas llegan", "speed tests", "giving me like", "only getting",
        // ("hice la prueba de velocidad varias veces y me marca entre 8 y 12 megas")
        "prueba de velocidad", "pruebas de velocidad", "test de velocidad", "me marca entre", "me marca como",
        // "Our connection has been dropping intermittently since Monday."
        "dropping", "keeps disconnecting", "drops out", "intermittently",
        // ("so slow at night… after 8pm nothing loads": slow, not gone.)
        "nothing loads", "nothing will load",
        // ("The internet's been absolutely crawling this week. I'm on the 100 and getting about 5 in the evenings.")
        "crawling", "getting about", "getting around",
        // ("pago 100 megas y me estan llegando como 10", "tengo el de 50 megas y parece de 5")
        "me estan llegando como", "me llegan como", "nos llegan como", "y parece de",
    ]
    /// "No funciona" alone means nothing works; next to "lento" it means it works badly.
    static let notWorking = ["no funciona", "no sirve", "no jala", "no carga", "not working", "no me jala", "no me funciona",
                             "no me sirve", "no nos jala", "no nos funciona", "no nos sirve", "isn t working", "isnt working",
                             "doesn t work", "doesnt work", "stopped working", "no agarra", "muerto", "no me sale",
                             "no me salen", "no me abre", "no le sirve", "no les sirve", "no le funciona", "no le jala",
                             // ("hello my dad internet no working since yesterday")
                             "no working"]

    /// Words of something not working or needing a technician, in any priority.
    static let problemWords = [
        "contrasena", "clave", "password", "wifi", "modem", "router", "antena", "senal", "internet", "luz", "foco", "falla",
        "cable", "conexion", "velocidad", "megas", "mover", "cambiar de lugar", "reporte", "signal", "connection",
        "foco", "foquito", "lucecita", "rojo", "roja", "ping", "lag", "speed", "upload", "subida", "bajada", "outage", "drop",
        "prende", "apaga", "reparacion", "repair", "aparato", "router", "wi-fi", "net ", "red ", "network", "working",
    ]

    /// The phrase lists folded once (" no hay internet "), so each message folds only itself.
    private static let failing = PhraseSet((noService + degraded + notWorking).map { " " + Text.fold($0) + " " })
    private static let problems = PhraseSet((noService + degraded + notWorking + problemWords).map { " " + Text.fold($0) })
    private static let foldedNoService = noService.map { " " + Text.fold($0) + " " }
    /// The same as one set, for the questions every message may be asked (classify's).
    private static let noServiceSet = PhraseSet(foldedNoService)
    private static let foldedDegraded = degraded.map { " " + Text.fold($0) + " " }
    private static let foldedNotWorking = notWorking.map { " " + Text.fold($0) + " " }
    private static let passwordRequests = ["contrasena del wifi", "clave del wifi", "wifi password", "password del wifi",
                                           // ("mi nieta le cambió la contra seña al güifi")
                                           "contrasena al wifi", "clave al wifi", "contrasena de wifi",
                                           "contrasena del modem", "contrasena del internet", "contra del wifi",
                                           "olvide la contrasena", "olvide la clave", "forgot the password",
                                           "forgot my password", "forgot the wifi",
                                           // ("mi nieto… le cambio la contraseña y ahora no me acuerdo cual puso")
                                           "cambio la contrasena", "cambiaron la contrasena", "no me acuerdo cual puso",
                                           "no me se la contrasena"].map { " " + $0 + " " }
    /// No service said outright, whatever else the message says.
    private static let foldedOutright = ["sin internet", "no hay internet", "no tengo internet", "luz roja", "foco rojo",
                                         "no internet", "nada de internet", "internet is down", "de plano no hay nada",
                                         "ya no hay nada", "ahora no hay nada",
                                         // ("…se me corta el internet, pero ahora ya no se corta, ahora ya de plano no hay")
                                         "de plano no hay",
                                         // ("…en las noches el internet va lentisimo, pero ahora ya de plano ni hay, la lucecita LOS esta
                                         // en rojo desde anoche")
                                         "de plano ni hay", "ya ni hay", "los esta en rojo", "los en rojo", "los roja", "los rojo"]
                                             .map { " " + $0 + " " }
    /// Slow said outright, and the "nothing loads" it explains.
    private static let slowness = ["lento", "lenta", "lentisimo", "lentisima", "slow", "super slow",
                                   // ("la subida cae a 0.3 Mbps y las videollamadas se congelan cada pocos minutos")
                                   "se congelan", "se congela", "freezing", "freezes",
                                   // ("en mis clases de zoom me congelo todo el tiempo", "en las mañanas es cuando mas se alenta")
                                   "me congelo", "se me congela", "se alenta", "se me alenta", "se nos alenta", "se alento",
                                   // ("bro el internet esta super laggy, no carga nada, los videos se quedan buffering")
                                   "laggy", "lagging", "buffering", "lagueado", "laguea",
                                   // ("my 100 Mbps plan is giving me ~15 down / 2 up… The upload is killing my screen shares")
                                   "killing my", "low speed", "low speeds", "packet loss", "bufferbloat",
                                   // ("me estan llegando como 10", "tengo el de 50 megas y parece de 5, no carga nada")
                                   "me estan llegando como", "me llegan como", "nos llegan como", "parece de"].map { " " + $0 + " " }
    private static let loadsNothing = ["no carga nada", "no me carga nada", "no abre nada", "no me abre nada"].map { " " + $0 + " " }
    /// "¿se puede mover el módem? a mi cuarto casi no llega": a request, not a failure.
    private static let requests = ["mover el modem", "mover el router", "se puede mover", "cambiar de lugar", "move the router",
                                   // ("La cosa es si pueden venir a moverlo a la sala. El internet funciona bien eh")
                                   "venir a moverlo", "moverlo a la", "moverlo al", "cambiarlo de lugar", "move it to",
                                   // ("Quiero que me lo muevan pa adelante")
                                   "me lo muevan", "que lo muevan", "me lo cambien de lugar", "lo muevan pa",
                                   // ("QUIERO QUE ME LO PONGAN EN LA COCINA" about the router already installed)
                                   "me lo pongan en la cocina", "me lo pongan en la sala", "me lo pongan en el cuarto",
                                   "me lo pongan en mi cuarto", "me lo pongan en la recamara",
                                   "move the modem", "no es que falle", "no es q falle", "no esta fallando", "cambie de lugar", "cambien de lugar",
                                   "mover de lugar", "moverlo de lugar", "reubicar", "no ha fallado",
                                   "me pueden mover", "me puedan mover", "mover el aparato", "mover el aparatito", "mover la antena",
                                   "pasar el modem", "cambiar el modem de", "move the antenna", "relocate", "el modem de lugar",
                                   "el router de lugar", "el aparato de lugar", "el aparatito de lugar", "la antena de lugar",
                                   // ("quiero que me muevan el modem al mostrador")
                                   "me muevan el modem", "me muevan el router", "me muevan la antena", "muevan el modem",
                                   // ("No es una falla, es una solicitud: quisiera que muevan el router de la sala a mi estudio")
                                   "muevan el router", "no es una falla", "es una solicitud",
                                   // ("quisiera mover el enrutador a otra habitación por favor")
                                   "mover el enrutador", "el enrutador de lugar", "mover el wifi",
                                   // (As the sheet keeps it: "modén" folds to "moden".)
                                   "el moden de lugar", "cambiar el moden de",
                                   // ("kiero q me cambien el moden de cuarto", "quiero q me cambien el modem de lugar")
                                   "el modem de cuarto", "el moden de cuarto", "cambien el modem de", "cambien el moden de",
                                   // ("kiero q me cambien el modem al otro cuarto pq en la cosina no agarra el guifi")
                                   "cambien el modem al", "cambien el moden al", "el modem al otro cuarto", "el modem a otro cuarto",
                                   "al otro cuarto", "a otro cuarto", "to another room", "to the other room"].map { " " + Text.fold($0) + " " }
    private static let moveRequests = PhraseSet(requests)
    /// "funciona bien, no se ha caído; en la recámara la señal es débil": the service works.
    private static let working = ["funciona bien", "no se ha caido", "nunca se ha caido", "no se cae", "works fine", "working fine",
                                  "works well", "never drops",
                                  // "el internet sí llega bien en la casa pero en la bodega ya no agarra": a reach to extend.
                                  "si llega bien", "si jala bien", "en la casa si jala", "en la casa si llega",
                                  // ("la smart tv ya no se conecta al wifi, los celulares y la lap si agarran normal": one device.)
                                  "si agarran normal", "si agarran bien", "los demas si", "las demas si", "los otros si jalan",
                                  "en la compu si hay internet",
                                  "los demas aparatos si", "en la compu si hay", "other devices work", "everything else works",
                                  "the other devices are fine", "only the tv", "solo la tele", "nomas la tele"].map { " " + Text.fold($0) + " " }
    /// "se corta a cada rato: la terminal se queda sin conexión": it comes back, so it drops.
    private static let comesAndGoes = ["a cada rato", "cada rato", "varias veces al dia", "va y viene", "viene y va", "intermitente",
                                       "keeps going out", "goes and comes back",
                                       // ("Internet keeps dropping, the card terminal says 'sin conexion'… It comes back for a few minutes")
                                       "keeps dropping", "keeps disconnecting", "comes back for",
                                       "intermittent", "on and off", "comes and goes", "a ratos", "se corta",
                                       // ("se cayó otra vez hace como 5 min" about drops: one more drop.)
                                       "se cayo otra vez", "se volvio a caer", "se cayo de nuevo", "dropped again",
                                       // ("se me fue… ya regreso pero nomas poquito esta bien lento": back, and slow.)
                                       "ya regreso pero", "ya volvio pero", "came back but", "it s back but",
                                       // "cuando todas ponemos netflix en la noche ya no carga nada": only when busy.
                                       "cuando todas", "cuando todos", "por las noches", "en las noches", "when everyone"].map { " " + Text.fold($0) + " " }

    /// "quiero que me cambien la clave del wifi": a new password asked for.
    static func asksForAPassword(_ text: String) -> Bool {
        let folded = " " + Text.fold(text) + " "
        return passwordRequests.contains { folded.contains($0) }
    }

    /// A request rather than a failure: a new wifi password, or equipment that works moved.
    static func asksForARequest(_ text: String) -> Bool {
        asksForAPassword(text) || asksToMoveEquipment(text)
    }

    /// "¿me pueden mover el aparato de la sala a mi recámara?": moving equipment that works.
    static func asksToMoveEquipment(_ text: String) -> Bool {
        movesEquipment(" " + Text.fold(text) + " ")
    }

    /// A move asked for in a folded, padded text; "no signal" in it is a failure unless a room is why.
    private static func movesEquipment(_ folded: String) -> Bool {
        moveRequests.occurs(in: folded) && (!noServiceSet.occurs(in: folded) || aRoomIsWhy(folded))
    }

    /// "…esta en la sala y en el cuarto de mi mama no agarra nada de señal": no signal in one room is why it is moved.
    static func aRoomIsWhy(_ folded: String) -> Bool {
        [" en el cuarto", " en la cocina", " en la recamara", " en mi cuarto", " en su cuarto", " in the kitchen", " in the bedroom",
         " in my room", " pa aca", " hasta aca", " hasta el cuarto", " al cuarto", " en la cosina", " en el estudio", " en mi estudio",
         " en el segundo piso", " en la planta alta"].contains(where: folded.contains)
    }

    /// The same of a text already folded, with a space each side. (Folding such a text again
    /// changes nothing when it is ASCII: only then is the folding skipped.)
    static func asksToMoveEquipment(padded folded: String) -> Bool {
        guard folded.utf8.allSatisfy({ $0 < 128 }) else { return asksToMoveEquipment(folded) }
        return movesEquipment(folded)
    }

    /// No service at all, said outright ("and no internet at all since the storm").
    static func namesAnOutage(_ text: String) -> Bool {
        noServiceSet.occurs(in: " " + Text.fold(text) + " ")
    }

    /// Words of something failing (not just of the equipment): no service, slow, not working.
    static func namesAFailure(_ text: String) -> Bool {
        namesAFailure(padded: " " + Text.fold(text) + " ")
    }

    /// The same of a text already folded, with a space each side.
    static func namesAFailure(padded folded: String) -> Bool {
        failing.occurs(in: withoutFuture(folded))
    }

    /// "se va a cambiar de casa", "se va a vivir": someone going somewhere, not the signal going ("se va a cada rato").
    static func withoutFuture(_ folded: String) -> String {
        // ("no lo he apagado, me da miedo que ya no prenda": feared, not happening.)
        var text = folded
        // ("el bot no sirve pa esto": the chat, not the line.)
        // (Most messages have none of these: the replacing, which copies the text, only when one may be there.)
        if text.contains(" miedo") || text.contains(" afraid") || text.contains(" bot") {
            for feared in [" miedo que ya no prenda", " miedo que no prenda", " miedo de que no prenda", " miedo de que ya no prenda",
                           " afraid it won t turn on", " afraid it wont turn on", " el bot no sirve", " este bot no sirve",
                           " the bot doesn t work", " this bot doesn t work"] where text.contains(feared) {
                text = text.replacingOccurrences(of: feared, with: " miedo ")
            }
        }
        // ("no es que esté lento, es que ya no carga absolutamente nada": the slowness taken back for worse.)
        if text.contains(" no es que ") || text.contains(" not that it s ") {
            for taken in [" no es que este lento", " no es que este lenta", " no es que ande lento", " no es que vaya lento",
                          " not that it s slow"] where text.contains(taken) {
                text = text.replacingOccurrences(of: taken, with: " ")
            }
        }
        // ("el pobre se va al ciber que esta hasta la avenida": someone going somewhere, not the signal going.)
        for going in [" se va al ", " se va hasta "] where text.contains(going) {
            text = text.replacingOccurrences(of: going, with: " se dirige al ")
        }
        guard text.contains(" se va a ") else { return text }
        // (Each replaced only when there: a replacing copies the text, and "se va a cada rato" has none of them.)
        for verb in ["cambiar", "mudar", "vivir", "ir ", "pasar", "quedar", "regresar", "venir"] where text.contains(" se va a " + verb) {
            text = text.replacingOccurrences(of: " se va a " + verb, with: " se mudara " + verb)
        }
        return text
    }

    static func mentionsAProblem(_ text: String) -> Bool {
        mentionsAProblem(padded: " " + Text.fold(text) + " ")
    }

    /// The same of a text already folded, with a space each side.
    static func mentionsAProblem(padded folded: String) -> Bool {
        problems.occurs(in: withoutFuture(folded))
    }

    /// "los celulares y la lap si agarran normal": the service itself works (one device, one room fails).
    static func saysItWorks(_ description: String) -> Bool {
        let text = " " + Text.fold(description) + " "
        return working.contains { text.contains($0) } && !foldedOutright.contains { text.contains($0) }
    }

    public static func priority(for description: String, zoneHasOutage: Bool) -> Priority {
        if zoneHasOutage { return .alta }
        let text = withoutFuture(" " + Text.fold(description) + " ")
        func mentions(_ phrases: [String]) -> Bool { phrases.contains { text.contains($0) } }
        // "le movió a la contraseña del wifi… los celulares ya no se conectan": the password, not an outage.
        if mentions(passwordRequests), !mentions(foldedOutright) { return .baja }
        if mentions(working), !mentions(foldedOutright) { return !mentions(requests) && mentions(foldedDegraded) ? .media : .baja }
        // ("no hay internet otra vez!! bueno... si hay pero se va y viene": taken back; it comes and goes.)
        if mentions([" si hay pero ", " bueno si hay ", " si hay internet pero ", " si jala pero ", " si funciona pero "]),
           mentions(comesAndGoes) || mentions(foldedDegraded) { return .media }
        if mentions(comesAndGoes), !mentions(foldedOutright) { return .media }
        // ("giving me ~15 down / 2 up", "me da 3 megas de bajada": a speed measured, below what is paid.)
        let words = text.split(separator: " ")
        if !mentions(foldedOutright), zip(words, words.dropFirst()).contains(where: { pair in
            Double(pair.0) != nil && ["down", "bajada", "download", "de bajada"].contains(String(pair.1))
        }) { return .media }
        // ("anda re lento, no carga nada, ni el feis": nothing loads because it is slow.)
        // ("super slow… Upload is basically dead, like 0.5 Mbps": one direction, not the line.)
        let oneWay = mentions([" upload ", " subida "])
        if mentions(slowness), !foldedNoService.contains(where: { text.contains($0) && !loadsNothing.contains($0) && !(oneWay && $0 == " dead ") }) {
            return .media
        }
        // ("quiero q me cambien el modem de lugar… en el cuarto de mi mama no agarra nada de señal": a move, however its reason reads.)
        if mentions(requests), aRoomIsWhy(text) { return .baja }
        if mentions(foldedNoService) { return .alta }
        if mentions(requests) { return .baja }
        if mentions(foldedDegraded) { return .media }
        if mentions(foldedNotWorking) { return .alta }
        return .baja
    }
}
