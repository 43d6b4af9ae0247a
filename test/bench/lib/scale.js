'use strict';

const { percentile } = require('./stats');

async function timed(client, path, samples) {
  const times = [];
  let last;
  for (let i = 0; i < samples; i++) {
    last = await client.get(path);
    if (last.status !== 200)
      throw new Error(`GET ${path}: ${last.status} ${JSON.stringify(last.body).slice(0, 300)}`);
    times.push(last.ms);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), samples, body: last.body };
}

/**
 * A filtered list for one caller: page 1, then the cursor followed 99 times; page 1 and page 100 are then each
 * requested `samples` times (page 100 with the cursor page 99 returned).
 */
async function listPages(client, query, samples) {
  const base = `/nominations?${query}&limit=20`;
  const first = await timed(client, base, samples);
  let cursor = first.body.nextCursor;
  let pages = 1;
  const walkStart = Date.now();
  for (; pages < 99 && cursor; pages++) {
    const res = await client.get(`${base}&cursor=${encodeURIComponent(cursor)}`);
    if (res.status !== 200)
      throw new Error(`GET page ${pages + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    cursor = res.body.nextCursor;
  }
  const walkMs = Date.now() - walkStart;
  if (!cursor) return { query, first: strip(first), hundredth: null, pagesAvailable: pages, walkMs };
  const hundredth = await timed(client, `${base}&cursor=${encodeURIComponent(cursor)}`, samples);
  return {
    query,
    first: strip(first),
    hundredth: strip(hundredth),
    walkMs,
    items: hundredth.body.items.length,
  };
}

const strip = ({ body: _body, ...rest }) => rest;

async function summary(client, query, samples) {
  return strip(await timed(client, `/reports/summary${query ? `?${query}` : ''}`, samples));
}

module.exports = { listPages, summary };
