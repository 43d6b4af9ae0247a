// `npm start`: compile (incrementally: a few seconds after the first time), then run the service in this process
// group so that Ctrl-C reaches it and it shuts down cleanly.
const { spawnSync, spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
if (build.status !== 0) process.exit(build.status || 1);
// Its own process group: Ctrl-C reaches this script, which asks the service to stop; the service then stops its
// embedded PostgreSQL itself, after draining, instead of the terminal interrupting the database under it.
const app = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
  stdio: 'inherit',
  cwd: root,
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill('SIGTERM'));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
