/** The only way views change data: each operation validates its input and writes in one transaction. */
export * from './cases';
export * from './deletion';
export * from './documents';
export * from './entities';
export * from './errors';
export * from './events';
export * from './excerpts';
export * from './excerptBatch';
export * from './links';
export * from './notes';
export * from './tags';
export * from './documentDetails';
export * from './documentCleanup';
export * from './recognisedText';
