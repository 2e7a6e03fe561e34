// A tiny app with one npm dependency: answers on $PORT.
const http = require("http");
const ms = require("ms");
const port = process.env.PORT || 5000;
http.createServer((req, res) => {
  res.end("hello from node, " + ms(60000) + "\n");
}).listen(port, () => console.log("listening on " + port));
