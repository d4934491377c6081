import { v7 } from 'uuid';

/** Time-ordered UUIDv7: ids sort roughly by creation, which keeps B-tree inserts local. */
export const newId = (): string => v7();
