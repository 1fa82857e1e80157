import Foundation
import _CryptoExtras

/// A throwaway service account for tests: a fresh RSA key made at run time, its JSON key
/// file (token_uri pointing at the emulator), and the public half registered with the emulator.
public enum ServiceAccountFile {
    /// One key per test process: making a 2048-bit RSA key costs up to a second of CPU, and
    /// every test needs only a key the emulator knows.
    public static let sharedKey: _RSA.Signing.PrivateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    @discardableResult
    public static func create(for emulator: GoogleEmulator, email: String, at path: String) throws -> String {
        let key = sharedKey
        let keyID = (0..<40).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
        let file: [String: Any] = [
            "type": "service_account", "project_id": "red-soluciones-test", "private_key_id": keyID,
            "private_key": key.pkcs8PEMRepresentation, "client_email": email, "client_id": "1234567890",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": emulator.tokenURL,
        ]
        try JSONSerialization.data(withJSONObject: file, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        emulator.registerServiceAccount(email: email, keyID: keyID, publicKeyPEM: key.publicKey.pemRepresentation)
        return keyID
    }
}
