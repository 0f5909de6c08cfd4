// A client written from PROTOCOL.md alone, with the WebSocket of the JavaScript platform:
// log in, subscribe, place a GTC order away from the market, cancel it, print what the venue says.
// Run against a simulator:  node --experimental-websocket minimal-client.mjs ws://127.0.0.1:8765/
// (Node 22 and later have WebSocket without the flag.) The API key comes from SKYTRADE_API_KEY.
const url = process.argv[2] ?? "ws://127.0.0.1:8765/";
const apiKey = process.env.SKYTRADE_API_KEY ?? "demo-key-0001";
const ws = new WebSocket(url);
const clOrdId = Date.now();
let step = "login";

const send = (message) => ws.send(JSON.stringify(message));
const fail = (why) => { console.error("FAILED: " + why); process.exit(1); };

ws.onopen = () => send({ type: "login", apiKey, lastExecSeq: 0 });
ws.onerror = () => fail("cannot connect to " + url);
ws.onmessage = (frame) => {
  const m = JSON.parse(frame.data);
  if (m.type === "error") fail("venue error " + m.code + ": " + m.text);
  if (m.type === "heartbeat" || m.type === "book_update" || m.type === "trade") return;
  console.log("<- " + frame.data.slice(0, 160));
  if (step === "login" && m.type === "open_orders") {
    step = "subscribe";
    send({ type: "subscribe", products: ["TIDE_SPOT"] });
  } else if (step === "subscribe" && m.type === "book_snapshot") {
    step = "order";
    send({ type: "new_order", clOrdId, product: "TIDE_SPOT", side: "BUY", price: 1, qty: 1, tif: "GTC" });
  } else if (step === "order" && m.type === "ack" && m.clOrdId === clOrdId) {
    step = "cancel";
    send({ type: "cancel", clOrdId, product: "TIDE_SPOT" });
  } else if (step === "order" && m.type === "reject") {
    fail("order rejected, reason " + m.reason);
  } else if (step === "cancel" && m.type === "cancelled" && m.clOrdId === clOrdId) {
    console.log("OK: logged in, subscribed, placed and cancelled order " + clOrdId);
    ws.close();
    process.exit(0);
  }
};
setTimeout(() => fail("timed out in step " + step), 10000);
