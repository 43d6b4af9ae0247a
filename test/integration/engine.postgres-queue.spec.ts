import { engineSuite, obliterateQueues } from '../support/engine-suite';

jest.setTimeout(60_000);

describe("engine on PostgreSQL with BullMQ's PostgreSQL backend", () => {
  engineSuite(() => ({ queue: 'postgres', wipeQueue: obliterateQueues }));
});
