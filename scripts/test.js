// The whole test suite: lint, format check, type check, build, then every jest project. Steps run node
// directly (no nested npm), each after the previous one passed; extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const bin = (file) => path.join(__dirname, '..', 'node_modules', file);
const steps = [
  ['lint', [bin('eslint/bin/eslint.js'), '.']],
  ['format', [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
  ['typecheck', [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
  ['build', [bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json']],
  ['jest', [bin('jest/bin/jest.js'), ...process.argv.slice(2)]],
  // The short fault suite: processes of the built application killed, PostgreSQL and Redis restarted under load,
  // hostile input, tampering (the full one is `npm run test:faults`).
  ['faults (short)', [bin('jest/bin/jest.js'), '-c', 'jest.faults.config.js'], { FAULTS_SHORT: '1' }],
];

// The browser tests drive Debian's Chromium: install it on a machine that does not have it yet.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!require('node:fs').existsSync(CHROMIUM)) {
  process.stdout.write(`\n▶ chromium is missing at ${CHROMIUM}: installing Debian's chromium package\n`);
  const install = spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
    ],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0) {
    process.stdout.write(
      '✗ could not install chromium (run `apt-get install chromium` as root, or set CHROMIUM_PATH)\n',
    );
    process.exit(1);
  }
}

for (const [name, args, env] of steps) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const options = { stdio: 'inherit', cwd: path.join(__dirname, '..'), env: { ...process.env, ...env } };
  let run = spawnSync(process.execPath, args, options);
  if (run.signal) {
    // A process killed by a signal (not a failing check) is run once more, and says so.
    process.stdout.write(`\n${name} was killed by ${run.signal}; running it again\n`);
    run = spawnSync(process.execPath, args, options);
  }
  if (run.status !== 0) {
    process.stdout.write(`\n✗ ${name} failed (${run.signal ?? `exit ${run.status}`})\n`);
    process.exit(run.status || 1);
  }
  process.stdout.write(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
