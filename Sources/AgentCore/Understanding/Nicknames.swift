/// What people in Mexico call each other instead of the name on the contract ("Paty" for
/// Patricia, "Chepe" for José): staff searching from the street use these.
enum Nicknames {
    /// Folded nickname → the folded given names it stands for.
    static let given: [String: [String]] = [
        "paty": ["patricia"], "patty": ["patricia"], "pati": ["patricia"], "chepe": ["jose"], "pepe": ["jose"],
        "paco": ["francisco"], "pancho": ["francisco"], "lupe": ["guadalupe"], "lupita": ["guadalupe"],
        "chuy": ["jesus"], "memo": ["guillermo"], "tono": ["antonio"], "beto": ["roberto", "alberto"],
        "lalo": ["eduardo"], "nacho": ["ignacio"], "quique": ["enrique"], "chayo": ["rosario"], "chela": ["graciela"],
        "rosy": ["rosa"], "rochi": ["rosa"], "vero": ["veronica"], "leti": ["leticia"], "clau": ["claudia"],
        "moni": ["monica"], "tere": ["teresa"], "silvi": ["silvia"], "fer": ["fernando", "fernanda"],
        "alex": ["alejandro", "alejandra"], "ale": ["alejandro", "alejandra"], "richi": ["ricardo"],
        "checo": ["sergio"], "dani": ["daniel", "daniela"], "jorgito": ["jorge"],
        "migue": ["miguel"], "juanca": ["juan"], "juancho": ["juan"], "lau": ["laura"],
        "normita": ["norma"], "pachi": ["patricia"], "poncho": ["alfonso"], "chucho": ["jesus"], "kike": ["enrique"],
        "gaby": ["gabriela"], "gabi": ["gabriela"], "tona": ["antonia"], "mary": ["maria"],
    ]

    /// The word and the names it may stand for.
    static func forms(_ word: String) -> [String] { [word] + (given[word] ?? []) }
}
