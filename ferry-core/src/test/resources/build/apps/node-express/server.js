// A tiny Express app (an npm dependency with its own dependencies): answers on $PORT.
const express = require("express");
const app = express();
const port = process.env.PORT || 5000;
app.get("/", (req, res) => res.send("hello from node, express " + require("express/package.json").version + "\n"));
app.listen(port, () => console.log("listening on " + port));
