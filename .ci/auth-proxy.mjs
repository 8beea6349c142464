// A loopback proxy that adds "Authorization: Bearer <token>" to every request, so that test
// suites which cannot send headers (the MCP conformance suite) can run against a server with
// authentication on. Host and Origin are passed through unchanged.
// usage: node auth-proxy.mjs <listenPort> <targetPort> <tokenFile>
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [listenPort, targetPort, tokenFile] = process.argv.slice(2);
const token = readFileSync(tokenFile, 'utf8').trim();

http.createServer((req, res) => {
  const headers = { ...req.headers, authorization: `Bearer ${token}` };
  const upstream = http.request(
    { host: '127.0.0.1', port: Number(targetPort), method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
  upstream.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
  req.pipe(upstream);
}).listen(Number(listenPort), '127.0.0.1');
