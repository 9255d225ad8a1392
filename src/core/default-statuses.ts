/** The default statuses of the spec lifecycle. */
export const DEFAULT_STATUSES: readonly string[] = ['draft', 'review', 'approved', 'implemented', 'rejected', 'superseded', 'withdrawn'];
