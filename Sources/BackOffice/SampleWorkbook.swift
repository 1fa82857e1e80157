import AgentCore

/// The ISP's own sample (DESIGN.md §5): what the local workbook starts with and what
/// `launcher sheets init` writes into a new spreadsheet (plans and zones only there).
public enum SampleWorkbook {
    public static let plans = TabData(header: Tab.plans.header, rows: [
        ["Básico 20", "20", "350", "Para navegar, redes sociales y clases en línea"],
        ["Hogar 50", "50", "450", "Para familias: video en HD en varios dispositivos"],
        ["Plus 100", "100", "600", "Para home office, juegos en línea y streaming 4K"],
    ])

    public static let zones = TabData(header: Tab.zones.header, rows: [
        ["Centro", "sí", "", "22.1500", "-100.9800", "1.0"],
        ["Norte", "sí", "", "22.1650", "-100.9800", "1.2"],
        ["Sur", "sí", "", "22.1350", "-100.9800", "1.2"],
        ["Oriente", "sí", "", "22.1500", "-100.9620", "1.2"],
        ["Poniente", "no", "en expansión", "22.1500", "-100.9980", "1.2"],
        ["La Loma", "no", "", "22.1780", "-100.9550", "1.0"],
        ["San Isidro", "no", "", "22.1200", "-101.0100", "1.5"],
    ])

    static let people: [(String, String, String)] = [
        ("María Guadalupe Hernández", "Centro", "activo"), ("José Luis Martínez", "Norte", "activo"),
        ("Ana Karen López", "Sur", "activo"), ("Juan Carlos García", "Oriente", "activo"),
        ("Rosa María Rodríguez", "Centro", "activo"), ("Francisco Javier Pérez", "Norte", "suspendido"),
        ("Verónica Sánchez", "Sur", "activo"), ("Miguel Ángel Ramírez", "Oriente", "activo"),
        ("Patricia Flores", "Centro", "activo"), ("Jorge Alberto Torres", "Norte", "activo"),
        ("Leticia Gómez", "Sur", "pendiente de instalación"), ("Ricardo Díaz", "Oriente", "activo"),
        ("Claudia Morales", "Centro", "activo"), ("Alejandro Reyes", "Norte", "activo"),
        ("Gabriela Cruz", "Sur", "baja"), ("Fernando Ortiz", "Oriente", "activo"),
        ("Adriana Gutiérrez", "Centro", "pendiente de instalación"), ("Roberto Chávez", "Norte", "activo"),
        ("Silvia Ramos", "Sur", "activo"), ("Eduardo Vázquez", "Oriente", "suspendido"),
        ("Mónica Castillo", "Centro", "activo"), ("Héctor Jiménez", "Norte", "activo"),
        ("Laura Mendoza", "Sur", "activo"), ("Arturo Ruiz", "Oriente", "pendiente de instalación"),
        ("Norma Aguilar", "Centro", "activo"), ("Sergio Medina", "Norte", "activo"),
        ("Teresa Castro", "Sur", "activo"), ("Raúl Herrera", "Oriente", "activo"),
        ("Alicia Vargas", "Centro", "suspendido"), ("Daniel Romero", "Norte", "activo"),
    ]

    /// Thirty clients: every third on Telegram, the rest on WhatsApp (chat id = wa_id).
    public static var clients: TabData {
        let speeds = [20, 50, 100, 50, 20, 50]
        let prices = [20: "350", 50: "450", 100: "600"]
        let rows = people.enumerated().map { i, person -> [String] in
            let n = i + 1
            let phone = "444" + String(1_000_000 + n * 37_711 % 8_999_999).suffix(7)
            let onTelegram = n % 3 == 0
            let chat = onTelegram ? String(700_000_000 + n * 1_234_567) : "521" + phone
            let speed = speeds[i % speeds.count]
            let month = (n * 5) % 12 + 1
            let year = n > 20 ? 2026 : 2025
            let notes = person.2 == "suspendido" ? "Falta de pago" : (person.2 == "baja" ? "Se mudó" : "")
            return [String(format: "C-%04d", n), person.0, phone, onTelegram ? "Telegram" : "WhatsApp", chat, person.1,
                    String(speed), prices[speed]!, person.2, String(format: "%04d-%02d-%02d", year, month, (n * 7) % 28 + 1), notes]
        }
        return TabData(header: Tab.clients.header, rows: rows)
    }

    public static var incidents: TabData {
        let c = clients.rows
        func row(_ folio: Int, _ client: Int, _ date: String, _ text: String, _ since: String, _ modem: String,
                 _ priority: String, _ status: String, _ updated: String) -> [String] {
            let r = c[client - 1]
            return [String(format: "F-%04d", folio), date, r[0], r[1], r[3], r[4], r[5], text, since, modem, priority, status, updated]
        }
        return TabData(header: Tab.incidents.header, rows: [
            row(1, 2, "2026-11-18 09:12", "Sin internet desde la noche, luz LOS en rojo", "anoche", "sí", "alta", "resuelto", "2026-11-18 13:40"),
            row(2, 7, "2026-11-21 18:30", "El internet se pone muy lento en las noches", "hace una semana", "sí", "media", "en proceso", "2026-11-22 10:05"),
            row(3, 12, "2026-11-23 11:02", "Quiere cambiar la contraseña del wifi", "", "", "baja", "abierto", "2026-11-23 11:02"),
            row(4, 19, "2026-11-24 08:45", "Se desconecta cada rato", "ayer", "no", "media", "abierto", "2026-11-24 08:45"),
        ])
    }

    public static var prospects: TabData { TabData(header: Tab.prospects.header) }

    public static var all: [Tab: TabData] {
        [.plans: plans, .zones: zones, .clients: clients, .incidents: incidents, .prospects: prospects]
    }
}
