/// Everyday Spanish words and chat slang that look like a typo of a keyword but are not
/// ("chido" is not "caído", "llamo" is not "llame"). The spelling fixer never changes them.
enum CommonWords {
    static let all: Set<String> = Set("""
    chido chida chidos padre padrisimo neta wey guey nmms orale sale simon chamba jalar jala jalando jalo chafa \
    fregado fregada friega onda oigan oiga oye fijese fijense porfis mande andale apoco pinche pinches chingon \
    alente alenta alentado alentando lenteja agente agentes \
    entro entra entran entraron entre salio sale salen gane gano ganaron novia novio \
    cambien cambian cambie cambia cambias cambio cambiamos cambiaron cambienla cambienlo cambiela cambielo cambienme \
    cambialo cambiala cambiamelo cambiamela cambiale cambiame cambiarlo cambiarla \
    llamo llama llamas llamamos llamaron llame llamen llamar llamada llamadas marco marca marcan marque \
    tiene tienen tengo tenemos tenia tenian tuve hay habia hubo haber hace hacer hago hizo hicieron hecho \
    puede pueden puedo podemos podria podrian pude pudo quiero quiere queremos quisiera queria gustaria \
    esta estan estoy estamos estaba estaban estuve sigue siguen sigo seguir vino vinieron viene vienen vengo \
    fue fueron ir voy vamos van iba dijo dijeron dice dicen decir dije sabe saben se sabia ver veo vio \
    paso pasa pasan pasaron pasen pasar dejo deja dejar dejaron mando manda mandan mandar mandaron mande \
    casa caso cosa cosas calle calles cuadra cuadras centro norte sur oriente poniente pueblo ciudad barrio \
    ahora ahorita luego despues antes siempre nunca todavia aun tambien tampoco entonces pues bueno buena \
    mucho mucha muchos muchas poco poca pocos todo toda todos todas nada nadie alguien algo otro otra otros \
    mejor peor mismo misma igual bien mal super nomas nada mas menos muy demasiado bastante \
    hijo hija hijos mama papa esposo esposa vecino vecina vecinos suegra suegro familia senora senor \
    trabajo trabaja escuela clases tarea negocio local tienda oficina cuarto recamara piso segundo \
    dinero pesos cuenta cuentas numero numeros telefono celular cel whats whatsapp correo mensaje \
    semana mes meses ano anos dia dias hora horas minutos noche noches tarde tardes manana mananas \
    lunes martes miercoles jueves viernes sabado domingo ayer hoy anoche antier \
    video videos youtube netflix juego juegos llamadas pagina paginas \
    gracias favor porfavor disculpe disculpa perdon oye hola adios sabes mm \
    nombre apellido direccion domicilio colonia numero interior exterior
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)).union(names).union(otherMeaning)

    /// Real words one letter away from a keyword of another meaning, found by running every
    /// labelled message through the fixer: "caro" became "claro" (a yes), "pagado" "apagado"
    /// (a restart), "rento" "lento" (a slow line), "esos" "pesos", "gente" "agente".
    /// Inflections of the same word ("paga" → "pagar") are left to the fixer.
    static let otherMeaning: Set<String> = Set("""
    caro esto esos estos ando jugar techo gente cierto conviene valle lomas misa perro dieron venga parte media \
    varias norma venia mundo extra banda plaza andar viento habla quede contrate contraten contrata renta rento \
    venta calienta caliente vista pagado estados digan cuartos partida dando salon camion suben ratos modos \
    quiza casas prisa serio poste robo salgo llena hablan hablen alamo cuido loca poquito nueve tender \
    trata harta premio vende damos chica cases reclamar promo madre central tomar aprende llevar chico larga \
    canelo vencido queja conformo pesado poder aclaro basta torre apagar ruego mejora decia casar menor \
    predio mesas presupuesto paramos parado rueda china comparte parque focos asada llave salto carino previo \
    personal solas nuera mueve mueva entiende seguido trabado anterior marzo enero tels arre ora terminal fallado hacia apagon \
    could been here will phone calls think ven she dear bit were light right then soon three than quite \
    his him waiting well over might done able note loss beach called lease signed rent renting
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Common first names and surnames: kept as typed, and still names.
    static let names = givenNames.union(surnames)

    /// Common first names (a sign-up tells a first name from surnames sent after it with these).
    static let givenNames: Set<String> = Set("""
    pedro pablo juan jose luis carlos maria mario marta rosa ana laura carmen jorge javier miguel \
    ricardo roberto fernando fernanda guadalupe lupita chuy jesus antonio manuel francisco alejandro armando angel marco
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Common surnames.
    static let surnames: Set<String> = Set("""
    sanchez ramirez lopez perez gomez hernandez martinez garcia rodriguez gonzalez torres flores \
    rivera diaz cruz morales reyes ortiz ruiz vega castillo mendez jimenez vargas romero herrera ramos salgado \
    salas ortega gutierrez trevino nava olvera villarreal salinas ochoa navarro dominguez medina castro rosas
    lugo osuna beltran inzunza camacho soto aguilar mendoza ibarra acosta cervantes juarez valdez avila estrada \
    delgado sandoval zamora carrillo espinoza velazquez pacheco serrano mejia vazquez nunez cabrera bautista \
    miranda fuentes pena alarcon benitez villegas luna leon
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
