import { dbNow } from '@/lib/db';

/** For the liveness probe: whether the database answers a query. */
export async function isDatabaseUp(): Promise<boolean> {
  try {
    await dbNow();
    return true;
  } catch {
    return false;
  }
}
