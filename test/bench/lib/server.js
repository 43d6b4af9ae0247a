'use strict';

const { spawn } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Reads a `/proc/<pid>/status` field in kB (VmRSS, VmHWM); null when the process is gone. */
function procKb(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used; null when it is gone. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) used so far by every PostgreSQL process of this machine (the server's and the embedded
 * one's: both run `postgres`), with that of the backends that have ended. Over a run on a quiet machine, the
 * difference is what the run cost PostgreSQL.
 */
function postgresCpuSeconds() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Its own time and that of its children that have ended (a backend's connection closed during the run is
      // counted by the postmaster that reaped it).
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The service as production runs it: `node dist/src/main.js`, a child process with its own environment. */
class Server {
  constructor(name, env) {
    this.name = name;
    this.env = env;
    this.output = [];
    this.samples = [];
  }

  async start(timeoutMs = 120_000) {
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    // BENCH_NODE_ARGS passes flags to the service's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + timeoutMs;
    let exit;
    this.exited.then((e) => (exit = e));
    while (Date.now() < deadline) {
      if (exit)
        throw new Error(`${this.name} exited during start-up (${JSON.stringify(exit)}):\n${this.log()}`);
      try {
        const res = await fetch(`${this.url}/health/ready`);
        if (res.status === 200) return this;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} did not become ready within ${timeoutMs} ms:\n${this.log()}`);
  }

  log() {
    return this.output.join('').split('\n').slice(-40).join('\n');
  }

  get pid() {
    return this.child?.pid;
  }

  /** Samples the resident set every `ms` until stopped; returns the stopper. */
  sampleMemory(ms = 250) {
    const timer = setInterval(() => {
      const rss = procKb(this.pid, 'VmRSS');
      if (rss !== null) this.samples.push(rss);
    }, ms);
    return () => clearInterval(timer);
  }

  /** Peak resident set (kB): the kernel's high-water mark, and the highest sample. */
  memory() {
    return {
      peakRssMb: (procKb(this.pid, 'VmHWM') ?? 0) / 1024,
      sampledMaxRssMb: Math.max(0, ...this.samples) / 1024,
      currentRssMb: (procKb(this.pid, 'VmRSS') ?? 0) / 1024,
    };
  }

  /** SIGTERM (drains HTTP, stops an embedded PostgreSQL), then SIGKILL after a grace period. */
  async stop(graceMs = 30_000) {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exited, sleep(graceMs).then(() => null)]);
    if (!done) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/**
 * The service as processes: `split` runs `apis` API processes (ROLE=api) and one worker (ROLE=worker), as production
 * runs it; `single` one process with both roles (ROLE=all), as `npm start` and the embedded default run it.
 */
class Service {
  constructor(name, env, { layout = 'split', apis = 1 } = {}) {
    this.name = name;
    this.env = env;
    this.layout = layout;
    this.apis =
      layout === 'split'
        ? Array.from({ length: apis }, (_, i) => new Server(`${name}-api${i + 1}`, { ...env, ROLE: 'api' }))
        : [new Server(name, { ...env, ROLE: 'all' })];
    this.worker = layout === 'split' ? new Server(`${name}-worker`, { ...env, ROLE: 'worker' }) : null;
  }

  get processes() {
    return this.worker ? [...this.apis, this.worker] : this.apis;
  }

  get url() {
    return this.apis[0].url;
  }

  get urls() {
    return this.processes.map((p) => p.url);
  }

  /** The first process migrates the database (or starts the embedded one) before the others start. */
  async start(timeoutMs) {
    for (const p of this.processes) await p.start(timeoutMs);
    return this;
  }

  log() {
    return this.processes.map((p) => `--- ${p.name}\n${p.log()}`).join('\n');
  }

  sampleMemory(ms) {
    const stops = this.processes.map((p) => p.sampleMemory(ms));
    return () => stops.forEach((stop) => stop());
  }

  /** CPU seconds used so far by the API processes and by the worker (null in one process). */
  cpu() {
    return {
      api: this.apis.reduce((sum, p) => sum + (cpuSeconds(p.pid) ?? 0), 0),
      worker: this.worker ? cpuSeconds(this.worker.pid) : null,
    };
  }

  /** Peak resident set of every process, and their sum. */
  memory() {
    const each = Object.fromEntries(this.processes.map((p) => [p.name, p.memory()]));
    const sum = (k) => Object.values(each).reduce((s, m) => s + m[k], 0);
    return { peakRssMb: sum('peakRssMb'), sampledMaxRssMb: sum('sampledMaxRssMb'), processes: each };
  }

  /** Stops the worker first (its jobs finish), then the API processes; the first one last (it may own PostgreSQL). */
  async stop(graceMs) {
    for (const p of [...this.processes].reverse()) await p.stop(graceMs);
  }
}

module.exports = { Server, Service, freePort, sleep, procKb, cpuSeconds, postgresCpuSeconds, ROOT };
