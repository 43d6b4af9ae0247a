// The DataSource of the TypeORM CLI (npm run migration:*): the same entities and migrations as the app.
import { createDataSource } from './data-source';

export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/thidua', 2);
