-- Cycles through pre-signed notifications: each request a different wamid.
local requests = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("BODIES")) do
    local signature, body = line:match("^(.-)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/webhook/whatsapp",
      {["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature}, body)
  end
  -- Threads start at different places so they do not send the same wamid.
  index = math.random(#requests)
end

function request()
  index = index % #requests + 1
  return requests[index]
end
