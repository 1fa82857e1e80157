import Testing
@testable import AgentCore

/// Punctuation dictated as words, and a name signed under every message: both set right before a message is read.
@Suite struct SpokenAndSignedTests {
    @Test func dictatedPunctuationBecomesMarks() {
        #expect(SpokenPunctuation.written("oye tienen internet en san isidro signo de interrogación") == "oye tienen internet en san isidro?")
        #expect(SpokenPunctuation.written("san isidro quise decir coma quiero contratar el de cincuenta")
            == "san isidro quise decir, quiero contratar el de cincuenta")
        #expect(SpokenPunctuation.written("OK let's do the 100 period my name is Kevin") == "OK let's do the 100. my name is Kevin")
        #expect(SpokenPunctuation.written("es que ya lleva días y sigue igual punto") == "es que ya lleva días y sigue igual.")
    }

    @Test func wordsThatOnlySoundLikeMarksStay() {
        for text in ["llega a las 7 en punto", "que se coma la torta", "what's the grace period", "el punto de venta no jala"] {
            #expect(SpokenPunctuation.written(text) == text)
        }
    }

    @Test func aNameClosingTwoMessagesInARowIsASignature() {
        let first = Signature.strip("QUIERO EL DE 20. REFUGIO SANDOVAL IBARRA", previous: nil)
        #expect(first.text == "QUIERO EL DE 20. REFUGIO SANDOVAL IBARRA")
        let second = Signature.strip("Y CUANTO ES AL MES? REFUGIO SANDOVAL IBARRA", previous: first.lastWords)
        #expect(second.text == "Y CUANTO ES AL MES?")
        let third = Signature.strip("SI JOVEN ASI ESTA BIEN. REFUGIO SANDOVAL IBARRA", previous: second.lastWords)
        #expect(third.text == "SI JOVEN ASI ESTA BIEN.")
    }

    @Test func everydayWordsClosingTwoMessagesAreNoSignature() {
        let first = Signature.strip("ok muchas gracias", previous: nil)
        #expect(Signature.strip("todo bien, muchas gracias", previous: first.lastWords).text == "todo bien, muchas gracias")
    }
}
