import { z } from 'zod';

/** A row id as the core makes them (random UUIDs). */
export const idSchema = z.uuid({ message: 'Expected a row id (UUID).' });

/** A batch of row ids for the bulk actions; 1 to 1,000 per call. */
export const idListSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1_000),
});

/** A path on the core's machine; relative paths resolve against the core's working folder. */
export const filePathSchema = z.string().min(1).max(4_096);

/** Result of a bulk action: how many rows changed state, and which. */
export interface ChangedIds {
  changed: number;
  ids: string[];
}
