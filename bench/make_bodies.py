"""Writes N signed WhatsApp webhook notifications (unique wamids, 200 senders) for the ingest
benchmark: one line per request, "<signature>\t<body>"."""
import hashlib, hmac, json, sys, time

secret, count, path = sys.argv[1].encode(), int(sys.argv[2]), sys.argv[3]
texts = ["hola", "cuanto cuesta el internet?", "no tengo internet desde ayer", "llegan a la loma?", "gracias"]
with open(path, "w") as out:
    for n in range(count):
        sender = "52144400%05d" % (n % 200)
        body = json.dumps({
            "object": "whatsapp_business_account",
            "entry": [{"id": "100000000000001", "changes": [{"field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15551234567", "phone_number_id": "106540352242922"},
                "contacts": [{"profile": {"name": "Cliente %d" % (n % 200)}, "wa_id": sender}],
                "messages": [{"from": sender, "id": "wamid.bench%09d" % n, "timestamp": str(int(time.time())),
                              "type": "text", "text": {"body": texts[n % len(texts)]}}]}}]}]
        }, ensure_ascii=False, separators=(",", ":"))
        signature = "sha256=" + hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
        out.write(signature + "\t" + body + "\n")
