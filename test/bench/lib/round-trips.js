'use strict';

/**
 * The service's own count of round trips (`thidua_round_trips_total`): statements sent to PostgreSQL and commands
 * sent to Redis, by origin (an HTTP request, or the background: relay, workers, timers), summed over processes.
 */
async function roundTrips(urls, token) {
  const total = {
    postgres: { request: 0, background: 0 },
    redis: { request: 0, background: 0 },
  };
  for (const url of urls) {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${url}/metrics answered ${res.status}`);
    const text = await res.text();
    for (const m of text.matchAll(
      /^thidua_round_trips_total\{store="(\w+)",origin="(\w+)"\} (\d+(?:\.\d+)?(?:e\+\d+)?)$/gm,
    )) {
      total[m[1]][m[2]] += Number(m[3]);
    }
  }
  return total;
}

/** Round trips between two readings, per transition (request) and per notification (background). */
function perStep(before, after, transitions, notifications) {
  const d = (store, origin) => after[store][origin] - before[store][origin];
  return {
    postgresPerTransition: d('postgres', 'request') / transitions,
    redisPerTransition: d('redis', 'request') / transitions,
    postgresPerNotification: d('postgres', 'background') / notifications,
    redisPerNotification: d('redis', 'background') / notifications,
  };
}

module.exports = { roundTrips, perStep };
