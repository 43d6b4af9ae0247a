'use strict';

const http = require('node:http');

/**
 * A small JSON client over keep-alive connections (one socket per concurrent caller, reused), so that a request's
 * time is the server's answer and not a TCP handshake.
 */
class Client {
  constructor(base, token) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.token = token;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  }

  /** The same caller on another process of the service (another base URL), on its own keep-alive sockets. */
  at(base) {
    const c = new Client(base, this.token);
    return Object.assign(c, { userId: this.userId, org: this.org });
  }

  as(token) {
    const c = new Client(`http://${this.host}:${this.port}`, token);
    c.agent = this.agent;
    return c;
  }

  /** Sends a request; resolves with status, parsed body and the time in milliseconds. */
  request(method, path, body, headers = {}) {
    const payload =
      body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...(payload && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
            ...(payload ? { 'content-length': payload.length } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = text;
            if ((res.headers['content-type'] || '').includes('json') && text.length > 0) {
              try {
                parsed = JSON.parse(text);
              } catch {
                // keep the text
              }
            }
            resolve({ status: res.statusCode, body: parsed, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body ?? {});
  }

  /** Uploads one dossier document (multipart: kind, file). */
  upload(nominationId, kind, content, fileName = `${kind}.pdf`) {
    const boundary = `----bench${Math.random().toString(16).slice(2)}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          `Content-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', `/nominations/${nominationId}/documents`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  close() {
    this.agent.destroy();
  }
}

module.exports = { Client };
