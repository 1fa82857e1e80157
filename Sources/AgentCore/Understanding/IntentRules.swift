import Foundation

/// The offline rules: phrases that point at an intent, with a weight. A message scores the
/// sum of the distinct phrases it contains; the highest score wins. Phrases are matched on
/// whole words, folded (no accents) and after abbreviation expansion (see Normalizer).
enum IntentRules {
    static let table = """
    greeting 1.2: hola | buenas | buenos dias | buen dia | buenas tardes | buenas noches | que tal | hey | hi | hello \
        | saludos | que onda | que hace | good morning | good afternoon | good evening | que hubo | quiubo | hi there
    greeting 2.5: hay alguien ahi | me atienden por este medio | is anyone there | anybody there

    thanks_bye 2: gracias | thanks | thank you | bye | adios | hasta luego | nos vemos | muy amable | bonito dia \
        | hasta pronto | have a good | ya quedo | goodbye | see you | te lo agradezco | agradezco | appreciated \
        | much appreciated | es todo | seria todo | that s all | thats all | cheers | lo va a platicar | lo voy a platicar \
        | lo platicamos | lo voy a pensar | lo va a pensar | lo pensamos | luego les escribo | luego les escribe \
        | luego les escribimos | get back to you
    thanks_bye 3: agradecido | agradecida | dios se lo pague | dios le pague | quedo atento | quedo atenta | saludos cordiales \
        | dejalo en la lista | dejalos en la lista | dejala en la lista | no hace falta reporte | no hace falta el reporte \
        | ya jala bien | ya funciona bien | no es necesario el reporte | quedo al pendiente
    thanks_bye 0.8: perfecto | sale | ok | va | listo | excelente | genial | great

    register 3: contratar | contratarlo | contratacion | le contrate | que le contraten | contrato hoy | si contrato | quiero internet | quiero el servicio \
        | quiero contratar | darme de alta | dar de alta | doy de alta | das de alta | den de alta | de alta \
        | quiero ser cliente | ponerme internet | poner internet | me instalen | instalarme | me apuntan \
        | donde firmo | sign up | signup | get connected | become a customer | want internet | new service \
        | quiero uno | necesito internet | cambiar con ustedes | quiero el de | quiero el plan | quiero el paquete \
        | me interesa contratar | yo tambien quiero | nuevo cliente | suscribirme | inscribirme | registrarme \
        | me lo pueden instalar | pueden instalar | instalen | get internet | internet at home | like to sign \
        | me gustaria contratar | gustaria contratar | hacer un contrato | un contrato de internet | contrato el de \
        | me pongan el internet | pongan el internet | me lo pueden poner | quiero ponerlo | ponerlo | want to get \
        | internet para mi negocio | me lo pongan | installed | quiero tener internet | para contratar \
        | need internet | we need internet | ocupo internet | ocupamos internet | need wifi | wanna get | wanna sign \
        | i want to get | get internet for | get internet at | like to have | have the internet installed | set up internet \
        | me quedo con el | me quedo con ese | me quedo con la | like to order | order the | wish to contract | want to contract \
        | contract the | deseo el plan | deseo contratar | solicitar el servicio | solicito el servicio \
        | pongan el wifi | ponga el wifi | poner el wifi | ponen el internet \
        | put it in my | put it under
    register 3: quisiera el servicio | quisiera el internet | quisiera internet | put me on the list | put us on the list \
        | ponganmelo | yo si lo quiero | i ll take it | me registren | registrar el servicio | registra a | registre a \
        | would like the | own connection | sign us up | sign me up | sign him up | sign her up | sign them up \
        | let s do the | lets do the | quiero contratar ya | lo quiero contratar | que si le ponen internet
    register 2: comprobante de domicilio | que necesito para | que documentos | requisitos
    register 4: quiero cambiar con ustedes | me quiero cambiar con ustedes | cambiarme con ustedes | me cambio con ustedes
    register 3: queremos internet | queremos contratar | queremos el servicio | queremos poner internet
    register 4: he wants internet | she wants internet | wants internet at | needs internet at
    register 2.5: me interesa | instalar | install | me convence | me decidi | ya me decidi | como le hacemos \
        | como contrato | me convencio
    register 1: instalacion | internet en la casa | internet en mi casa | para mi casa

    report_incident 3: no tengo internet | no tenia internet | sin internet | no hay internet | no funciona | no sirve \
        | no jala | lento | lenta | lentisimo | se cae | se cayo | se fue el internet | se me fue el internet \
        | se fue la señal | intermitente | va y viene | se va y regresa | se desconecta | se corta | luz roja \
        | foco rojo | en rojo | esta roja | luz los | los esta | los en rojo | no conecta | sin conexion | no tengo conexion | no carga \
        | no me carga | no abre | no prende | no agarra | no tengo señal | no hay señal | sin señal \
        | señal debil | señal esta bien debil | muerto | se traba | falla | fallas | fallando | down | not working \
        | slow | keeps dropping | dropping | no internet | outage | caido | repetidor | contraseña | clave del wifi \
        | nombre de mi red | nombre del wifi | muevan el modem | mover el modem | cambiar de lugar el modem \
        | reportar | hacer un reporte | levantar un reporte | quiero reportar | sin jalar | no me llega \
        | parpadeando | parpadea | no navega | se va el internet | password | lucecita | foquito \
        | se lo comio | no enciende | is down | not loading | no connection | internet problem | se pone lento \
        | sin servicio | no se conecta | no prendio | se quemo | wifi no llega | no llega al cuarto | se queda cargando \
        | se va y se viene | a veces jala | se me cayo | cortaron el cable | no me conecta | no puedo conectar \
        | buffering | no funciona el | ya no prende | no da internet | se va \
        | wont connect | cant connect | doesnt connect | wont load | ping | lag | no tengo servicio | nomas soy yo \
        | falla general | se quita el internet | anda de malas | ni abre | doesnt reach | repeater | no llega bien \
        | se desconecta la | no encuentra mi red | no encuentra la red | high ping | no agarra el internet \
        | a otro cuarto | otro cuarto | cambiar el modem | lo muevo | move the router | move it | moved
    report_incident 4: reportar que | quiero reportar que | para reportar que | vengo a reportar | i want to report that \
        | report a problem | reportar un problema | reportar una falla | report an issue
    report_incident 2: cada que llueve | esta asi | a mi no | when it rains | se alenta | se pone lenta
    report_incident 3: lentitud | solicito levantar | levantar un reporte por
    report_incident 2: reinicie | desconecte | ya reinicie | problema | cambiarlo | va como de | esta normal \
        | no llega la señal | no se puede ver | ni un video
    report_incident 1: cable | luz | aparatito
    report_incident 0.5: modem | wifi | señal | antena | internet
    report_incident 3: no pasa de | me estan llegando | solo me llegan | solo me llega | only getting | getting only \
        | dns | dhcp | port forwarding | cgnat | latency | latencia | packet loss | perdida de paquetes | ip publica
    report_incident 3: ni la mitad | speedtest | speed test | el medidor marca | me llega como de | apenas llegan \
        | apenas llega | se siente como si fuera | way below | below what | no es la que pague | no es la q pague \
        | no me esta dando | no me da ni | getting like | only get | me salen como
    report_incident 3: no me sale el | no me salen los | no me sale nada | no salen los videos | no me abre el
    report_incident 3: no le sirve | no les sirve | no le conecta | no le funciona | no le jala | no le agarra \
        | cutting out | keeps cutting | cuts out | speed tests | se me corta | se nos corta | se le corta

    incident_status 4: mi reporte | el reporte | mi folio | folio | ticket | nadie ha venido | no han venido \
        | no ha venido | ya viene el tecnico | viene el tecnico | llega el tecnico | esperando al tecnico \
        | el tecnico ya vino | cuando vienen | cuanto falta | estatus | status | seguimiento | update on \
        | levante un reporte | ya reporte | ya lo atendieron | sigue abierto | ya cerraron | asignado un tecnico \
        | numero de reporte | cuando viene | a que hora llega | any update | my report | the technician \
        | no han llegado | en camino | venian a revisar | iban a venir | quedaron de venir | no ha llegado \
        | van a venir | mandaban a alguien | van a mandar | cuanto se tardan en atender
    incident_status 4: en que quedo | que paso con lo de | como va lo de | never showed up | showed up | ya mero viene \
        | va a venir el | ya van dos veces | solicitud de reparacion | no ha regresado | no a regresado | tiempo estimado \
        | siguen trabajando | iba a venir | coming to install | iban a instalar | venian a instalar | venian a instalarme \
        | cancelar el reporte | anything on my report | en que va | esa solicitud | mi solicitud | la solicitud \
        | algun reporte abierto | tengo algun reporte | tengo un reporte abierto | reporte abierto | any open report \
        | sigue pendiente | siga pendiente
    incident_status 6: ticket number | numero de folio | cual es mi folio | cual es el folio \
        | what s my ticket | whats my ticket | my ticket number | report number
    incident_status 6: how is my report | how s my report | hows my report | my report going | how is the report going \
        | how s the report going | como va mi reporte | como va el reporte | como vamos con mi reporte \
        | happening with the report | happening with my report | happening with her report | is that still open \
        | is it still open
    incident_status 3: cuando me instalan | para cuando me instalan | fecha para ponerme | fecha de instalacion \
        | sigue en pie | cuando vienen a instalar | ya tienen fecha | ya quedo programada
    incident_status 4: until someone comes | when will someone come | someone can come | how long until someone \
        | cuando pasaria el tecnico | cuando pasa el tecnico | cuanto tarda el tecnico | como cuanto tarda el tecnico
    incident_status 2: reporte | tecnico | technician
    incident_status 5: yo reporte hace | reporte hace dias | reporte hace unos dias | como va eso | i reported a few days \
        | hace unos dias reporte | iban a mandar a alguien \
        | still open | sigue abierto mi
    incident_status 4: lo de la contrasena que pedi | lo de la contrasena q pedi | lo que pedi | lo q pedi \
        | ya lo habia reportado | ya lo havia reportado | ya lo habiamos reportado

    plans_prices 3: cuanto cuesta | cuanto cuestan | cuanto sale | cuanto cobran | precio | precios | costo | costos \
        | tarifa | tarifas | paquetes | paquete | planes | que incluye | incluye | ilimitado | limite de datos \
        | descuento | promocion | how much | price | prices | plans | informes | a como | mas barato | mas rapido \
        | que velocidad | me alcanza | iva | mensualidad del | cuanto es la mensualidad | velocidades | cost \
        | alcanza para | promociones | ofertas | cual me recomiendan | que me recomiendan | per month | a month \
        | monthly | options | the cheapest | enough for | what plans | which plan | recommend | minimum | plazo | forzoso \
        | permanencia | contract | how long is the contract | plazo minimo | speeds | what speed | which speed
    plans_prices 1.5: plan | cuanto es | velocidad | megas | cual plan | a cuanto | vale la pena | worth it
    plans_prices 3: what do you have | what do you offer | what have you got | what do you guys have | what do you guys offer
    plans_prices 4: cual nos conviene | cual me conviene | cual conviene | cual nos recomiendan | cual me recomiendas \
        | cual recomiendas | cual nos recomienda | cual me recomienda
    plans_prices 2: aparte | incluye el modem | cuantos aparatos | cuantos dispositivos
    plans_prices 3: cobrarian | me cobrarian | saldria | me saldria | costaria | me costaria | diferencia entre \
        | packages | what packages | charge for installation | charge for the installation | installation fee
    plans_prices 6: cancel at any time | cancel anytime | cancelar cuando quiera | cancelar en cualquier momento \
        | is there a contract | hay contrato | hay plazo

    coverage 3: cobertura | coverage | llegan | llega su internet | llega el internet | hasta alla llegan \
        | hasta donde llega | cubren | dan servicio en | dan servicio por | tienen servicio | hay servicio \
        | hay señal en | hay internet en | available in | alcanzan a llegar | antena cerca | que zonas | zonas \
        | van a llegar | do you cover | service available | si tienen servicio | llega su señal | llega la señal \
        | do you serve | in my area | en mi zona | en mi colonia | si llega | llega su antena | hasta alla llega \
        | hay internet de ustedes | hay servicio para | do you guys go | you go out to
    coverage 2: hay internet | saber si hay | just moved into | just moved to | se acaba de mudar | me acabo de mudar \
        | nos acabamos de mudar | se acaba de cambiar a
    coverage 3: get service there | get service in | can he get service | can she get service | can we get service \
        | can i get service | can they get service
    coverage 1.5: todo el pueblo | hay partes

    billing 3: pagar | pague | pagamos | deposito | depositar | deposite | transferencia | cuenta de banco \
        | numero de cuenta | oxxo | efectivo | tarjeta | domiciliar | factura | recibo | comprobante | adeudo \
        | debo | cuanto debo | fecha de pago | vence | recargo | me cortaron | cobraron | cobro | bill | pay \
        | paid | payment | invoice | saldo | ya pague | my bill | cards | debemos | cuanto debemos | le debo \
        | fecha limite | hasta cuando pago | mando el comprobante | mandar el comprobante | reconexion | me reconectan \
        | debiamos | debia | lo que debo | lo que debemos | how much do i owe | what do i owe | owe \
        | what plan are we on | what plan am i on | which plan do we have | que plan tengo | que plan tenemos | mi plan \
        | si pago | pago tarde | se lo cortan | me lo cortan | lo cortan | late payment | pay late
    billing 1.5: pago | mensualidad
    billing 3: estado de cuenta | cuanto pagamos | cuanto pago al mes | which plan am i on | what am i paying

    human_agent 3.5: persona | humano | asesor | agente | operador | hablar con | comunicar con | comunicame \
        | comunicarme | pasame con | marquenme | me pueden llamar | me hable | me llamen | real person | human \
        | agent | talk to | representative | el dueño | atencion a clientes | me atiende | alguien me \
        | speak to | call me | robot | llamenme | marcar | le llame | alguien le | me marquen | comuniqueme \
        | comuniquenme | paseme con | pasenme con | con el encargado | con el dueño | con don | alguien de la oficina \
        | con la oficina | hablar con alguien | comunicara con | comunique con | con una persona | someone from the office \
        | someone from your office | someone at the office | a real person | talk to somebody | speak to somebody
    human_agent 3.5: poner una queja | una queja | levantar una queja | hablen por telefono | que me llame \
        | telefono de la oficina | numero de la oficina | alguien de ustedes
    human_agent 1.5: alguien | llamar | bot

    cancel 4: cancelar | cancelo | cancelen | cancel | dar de baja | darme de baja | denme de baja | doy de baja \
        | de baja | baja del servicio | ya no quiero el servicio | ya no quiero el internet | ya no ocupo \
        | terminar el contrato | penalizacion | unsubscribe | cancelacion | dejar el servicio | quitar el servicio \
        | cancelenlo | cancelarlo | cancelar el | ya no lo quiero | ya no lo ocupo | ya no lo vamos \
        | ya no voy a seguir | no voy a seguir | vengan por su antena | recojan su antena
    cancel 2: recoger su antena | me voy con telmex | me cambio de compañia
    cancel 3: ya no lo necesito | end the service | end my service | terminate the service | terminate my service \
        | ya no me lo cobren
    cancel 4: quitar el internet | me lo pueden quitar | quitenlo | quitenme el internet | se lleven su antena \
        | ya no la quiero | ya no necesito el | terminate our contract | terminate the contract | end our contract \
        | cancel our | cancel my

    staff_stats 4: estadisticas | cuantos clientes | cuantos tienen | cuantos hay | cuantos reportes | cuantos incidentes \
        | ingresos | ingreso | facturamos | resumen | por zona | por plan | por prioridad | incidentes abiertos \
        | reportes abiertos | how many clients | how many active | how many customers | revenue | stats \
        | clientes activos | total de clientes | cuanto ganamos | cuanto facturamos | statistics \
        | cuantas fallas | sin resolver | cuanto dinero | dinero entro | cuantos pendientes | cuantas instalaciones
    staff_stats 4: cuantos interesados | prospectos | porcentaje | cuentas por cobrar | suscriptores | cuantos son de \
        | instalaciones pendientes | numero de instalaciones | en lista de espera | cuantos esperando
    staff_search 4: busca | buscame | buscar | look up | search | find client | de quien es | quien tiene el numero \
        | datos del cliente | lista de clientes | clientes de la zona | clientes del | clientes en el \
        | clientes de la colonia | se llame | algun cliente | quienes son los clientes | pasame los clientes \
        | client named | clientes en la | informacion del cliente | find the customer | find customer \
        | muestrame los clientes | clientes que estan | a nombre de quien esta | informacion cliente | se apellida \
        | que clientes | el telefono de | el telefono y el plan | quien es el cliente
    staff_search 4: quien tiene registrado | a quien corresponde | de apellido | ordenados por | quienes estan en \
        | que plan trae | dame los del | dame los de | clts | buscalo | buscala | cuales clientes | clientes hay en
    staff_search 4: ocupo los datos de | necesito los datos de | pasame los datos de | los datos de \
        | localizar a | ayuda a localizar
    staff_search 2.5: informacion de | datos de
    staff_stats 2: clientes tenemos

    out_of_scope 3: celulares | arreglan | tarea | chiste | pastel | receta | presidente | llover | lluvia | clima \
        | partido | futbol | taqueria | electricista | plomero | recarga | telcel | sky | decodificador | canales \
        | link | capital | aburrido | platicame | te amo | opinas | recomiendas una \
        | cuentame | television | weather | joke | venden | venda | tamales | novia | novio
    out_of_scope 4: paquetes de cable | cable para la tele | tienes novia | cfe | izzi | arreglan teles \
        | se fue la luz en toda | en el celular para | mi tele
    out_of_scope 4: cable de tv | gana dinero
    out_of_scope 1: tele | jajaja | que oso
    out_of_scope 4: busco trabajo | busco chamba | tienen chamba | vacantes | vacante | buscan trabajadores | se busca \
        | se renta | se vende | le vendo | envios a | sin compromiso | warzone | iphone
    """

    struct Rule: Sendable {
        let intent: Intent
        let weight: Double
        let words: [String]
    }

    static let rules: [Rule] = {
        var rules: [Rule] = []
        for line in table.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].split(separator: " ")
            guard head.count == 2, let intent = Intent(rawValue: String(head[0])), let weight = Double(head[1]) else {
                preconditionFailure("bad rule line: \(line)")
            }
            for phrase in line[line.index(after: colon)...].split(separator: "|") {
                let words = Text.fold(String(phrase)).split(separator: " ").map(String.init)
                // A phrase listed twice for one intent would count twice.
                precondition(!rules.contains { $0.intent == intent && $0.words == words }, "duplicate rule: \(phrase)")
                if !words.isEmpty { rules.append(Rule(intent: intent, weight: weight, words: words)) }
            }
        }
        return rules
    }()
}
